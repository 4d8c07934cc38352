export default definePageConfig({ navigationBarTitleText: '打卡提醒', backgroundColor: '#f7f8fa' })
