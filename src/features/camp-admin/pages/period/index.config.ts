export default definePageConfig({ navigationBarTitleText: '期次管理', backgroundColor: '#f7f8fa' })
