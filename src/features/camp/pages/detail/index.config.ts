export default definePageConfig({
  navigationBarTitleText: '打卡营详情',
  enablePullDownRefresh: true,
  // 转发 (with the sharer's invite code) and 分享到朋友圈 (单页模式 renders a static landing).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
