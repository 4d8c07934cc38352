export default definePageConfig({ navigationBarTitleText: '导出', backgroundColor: '#f7f8fa' })
