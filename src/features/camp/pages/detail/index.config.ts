export default definePageConfig({ navigationBarTitleText: '打卡营详情', enablePullDownRefresh: true })
