export default definePageConfig({ navigationBarTitleText: '连通性检查', enablePullDownRefresh: true })
