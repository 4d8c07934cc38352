export default definePageConfig({ navigationBarTitleText: '转化登记', enablePullDownRefresh: true })
