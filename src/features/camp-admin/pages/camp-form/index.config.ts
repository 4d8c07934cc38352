export default definePageConfig({ navigationBarTitleText: '打卡营设置', backgroundColor: '#f7f8fa' })
