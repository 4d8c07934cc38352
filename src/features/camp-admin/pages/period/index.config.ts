export default definePageConfig({
  navigationBarTitleText: '期次管理',
  // 分享到打卡群 (open-type="share") answers with the period's member card, not this admin page.
  enableShareAppMessage: true,
})
