export default definePageConfig({ navigationBarTitleText: '邀请排行', enablePullDownRefresh: true })
