export default definePageConfig({
  navigationBarTitleText: '邀请好友',
  enablePullDownRefresh: true,
  // 转发 only: the poster page is personal and needs login, so it is not offered to Moments (单页模式 has no login).
  enableShareAppMessage: true,
})
