export default definePageConfig({ navigationBarTitleText: '导入兑换码' })
