export default definePageConfig({ navigationBarTitleText: '点评' })
