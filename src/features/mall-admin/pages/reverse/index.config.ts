export default definePageConfig({ navigationBarTitleText: '积分冲正', enablePullDownRefresh: true })
