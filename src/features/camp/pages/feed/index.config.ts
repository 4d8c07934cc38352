export default definePageConfig({ navigationBarTitleText: '精选动态', enablePullDownRefresh: true })
