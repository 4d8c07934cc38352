export default definePageConfig({ navigationBarTitleText: '小队管理', enablePullDownRefresh: true })
