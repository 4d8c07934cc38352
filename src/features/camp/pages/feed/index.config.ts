export default definePageConfig({ navigationBarTitleText: '精选动态', enablePullDownRefresh: true, backgroundColor: '#f7f8fa' })
