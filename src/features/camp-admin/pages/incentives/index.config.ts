export default definePageConfig({ navigationBarTitleText: '激励设置' })
