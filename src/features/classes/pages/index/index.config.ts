export default definePageConfig({ navigationBarTitleText: '免费课', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
