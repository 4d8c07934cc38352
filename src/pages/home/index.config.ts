export default definePageConfig({ navigationBarTitleText: '学习社群', backgroundColor: '#f7f8fa', enablePullDownRefresh: true })
