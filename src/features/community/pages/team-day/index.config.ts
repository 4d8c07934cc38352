export default definePageConfig({ navigationBarTitleText: '本队今日', enablePullDownRefresh: true, enableShareAppMessage: true })
