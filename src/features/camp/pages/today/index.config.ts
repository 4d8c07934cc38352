export default definePageConfig({ navigationBarTitleText: '今日打卡', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
