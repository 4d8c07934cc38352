export default definePageConfig({ navigationBarTitleText: '转化登记', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
