export default definePageConfig({ navigationBarTitleText: '学员学习报告', enablePullDownRefresh: true })
