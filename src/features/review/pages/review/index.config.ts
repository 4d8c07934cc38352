export default definePageConfig({ navigationBarTitleText: '点评', backgroundColor: '#f7f8fa' })
