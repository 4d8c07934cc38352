export default definePageConfig({ navigationBarTitleText: '期次设置' })
