export default definePageConfig({ navigationBarTitleText: '每日任务' })
