export default definePageConfig({ navigationBarTitleText: '打卡提醒' })
