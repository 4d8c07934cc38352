export default definePageConfig({ navigationBarTitleText: '免费课', enablePullDownRefresh: true })
