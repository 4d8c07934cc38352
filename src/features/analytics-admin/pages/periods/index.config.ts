export default definePageConfig({ navigationBarTitleText: '选择期次', enablePullDownRefresh: true })
