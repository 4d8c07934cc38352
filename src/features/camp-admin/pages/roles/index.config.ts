export default definePageConfig({ navigationBarTitleText: '角色管理', backgroundColor: '#f7f8fa' })
