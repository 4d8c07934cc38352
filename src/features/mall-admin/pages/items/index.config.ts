export default definePageConfig({ navigationBarTitleText: '商品管理', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
