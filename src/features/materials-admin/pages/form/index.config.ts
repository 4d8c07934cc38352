export default definePageConfig({ navigationBarTitleText: '编辑资料', backgroundColor: '#f7f8fa' })
