export default definePageConfig({ navigationBarTitleText: '待发放订单', enablePullDownRefresh: true })
