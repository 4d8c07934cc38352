export default definePageConfig({ navigationBarTitleText: '我的邀请', enablePullDownRefresh: true })
