export default definePageConfig({ navigationBarTitleText: '积分流水', enablePullDownRefresh: true })
