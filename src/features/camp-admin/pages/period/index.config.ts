export default definePageConfig({ navigationBarTitleText: '期次管理' })
