export default definePageConfig({ navigationBarTitleText: '打卡营管理', enablePullDownRefresh: true })
