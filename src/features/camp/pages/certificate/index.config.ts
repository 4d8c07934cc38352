export default definePageConfig({ navigationBarTitleText: '结营证书', backgroundColor: '#f7f8fa' })
