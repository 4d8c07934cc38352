export default definePageConfig({ navigationBarTitleText: '学习社群', enablePullDownRefresh: true })
