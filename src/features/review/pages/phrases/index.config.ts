export default definePageConfig({ navigationBarTitleText: '常用语', backgroundColor: '#f7f8fa' })
