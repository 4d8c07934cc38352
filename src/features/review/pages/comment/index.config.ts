export default definePageConfig({ navigationBarTitleText: '老师点评', enablePullDownRefresh: true })
