export default definePageConfig({ navigationBarTitleText: '点评统计', enablePullDownRefresh: true })
