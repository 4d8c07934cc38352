export default definePageConfig({ navigationBarTitleText: '免费课', backgroundColor: '#f7f8fa' })
