export default definePageConfig({ navigationBarTitleText: '每日任务', backgroundColor: '#f7f8fa' })
