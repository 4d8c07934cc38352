export default definePageConfig({ navigationBarTitleText: '小队 PK 榜', enablePullDownRefresh: true })
