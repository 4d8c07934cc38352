export default definePageConfig({ navigationBarTitleText: '点评分配', enablePullDownRefresh: true })
