export default definePageConfig({ navigationBarTitleText: '开发面板（本地模式）', enablePullDownRefresh: true })
