export default definePageConfig({ navigationBarTitleText: '打卡营', enablePullDownRefresh: true })
