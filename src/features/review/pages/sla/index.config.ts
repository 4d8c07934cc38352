export default definePageConfig({ navigationBarTitleText: '批改时效', enablePullDownRefresh: true })
