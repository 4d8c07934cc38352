export default definePageConfig({
  navigationBarTitleText: '学习报告',
  enablePullDownRefresh: true,
  // 转发 only: the report needs the member's login, which Moments' 单页模式 does not have.
  enableShareAppMessage: true,
})
