export default definePageConfig({
  navigationBarTitleText: '结营证书',
  // 转发 only: a certificate needs the member's login, which Moments' 单页模式 does not have.
  enableShareAppMessage: true,
})
