export default definePageConfig({ navigationBarTitleText: '我的打卡日历', enablePullDownRefresh: true })
