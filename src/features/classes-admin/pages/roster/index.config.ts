export default definePageConfig({ navigationBarTitleText: '场次名单', enablePullDownRefresh: true })
