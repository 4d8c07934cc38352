export default definePageConfig({ navigationBarTitleText: '点评工作台', enablePullDownRefresh: true })
