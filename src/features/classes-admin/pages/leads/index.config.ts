export default definePageConfig({ navigationBarTitleText: '销售线索', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
