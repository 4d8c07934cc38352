export default definePageConfig({ navigationBarTitleText: '打卡营设置' })
