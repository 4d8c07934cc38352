export default definePageConfig({ navigationBarTitleText: '期次设置', backgroundColor: '#f7f8fa' })
