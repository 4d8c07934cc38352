export default definePageConfig({ navigationBarTitleText: '结营证书' })
