export default definePageConfig({ navigationBarTitleText: '点评工作台', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
