export default definePageConfig({ navigationBarTitleText: '免费课管理', enablePullDownRefresh: true })
