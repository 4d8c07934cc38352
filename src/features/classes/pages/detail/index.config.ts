export default definePageConfig({ navigationBarTitleText: '免费课详情', enablePullDownRefresh: true })
