export default definePageConfig({ navigationBarTitleText: '免费课详情', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
