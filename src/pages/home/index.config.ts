export default definePageConfig({ navigationBarTitleText: '学习社群' })
