export default definePageConfig({ navigationBarTitleText: '我的免费课', enablePullDownRefresh: true })
