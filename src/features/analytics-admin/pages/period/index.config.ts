export default definePageConfig({ navigationBarTitleText: '期次数据', enablePullDownRefresh: true })
