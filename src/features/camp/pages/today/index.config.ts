export default definePageConfig({ navigationBarTitleText: '今日打卡', enablePullDownRefresh: true })
