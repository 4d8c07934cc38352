export default definePageConfig({ navigationBarTitleText: '用户分层', enablePullDownRefresh: true })
