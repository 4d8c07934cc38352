export default definePageConfig({ navigationBarTitleText: '免费课' })
