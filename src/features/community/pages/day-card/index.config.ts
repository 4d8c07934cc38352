export default definePageConfig({
  navigationBarTitleText: '日签',
  // 转发 only: the card is the member's own and needs their login, which Moments' 单页模式 does not have.
  enableShareAppMessage: true,
})
