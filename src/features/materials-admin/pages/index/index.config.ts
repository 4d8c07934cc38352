export default definePageConfig({ navigationBarTitleText: '资料库管理', enablePullDownRefresh: true })
