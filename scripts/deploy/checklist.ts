/** What no API sets: printed after every run, for the operator to tick off in the WeChat console. */
export const MANUAL_CHECKLIST: readonly string[] = [
  '小程序后台 → 设置 → 服务内容声明 → 用户隐私保护指引：声明 手机号（免费课报名）、相册（仅写入：保存邀请海报）、' +
    '摄像头与相册选择（打卡图片）、麦克风（语音打卡与语音点评）、剪切板（复制兑换码）、选择聊天文件（资料上传）',
  '小程序后台 → 订阅消息：选用“打卡提醒”“点评通知”“免费课开课提醒”，把模板 ID 写进 .env.local 后重新构建（见 README）',
  '手机号快速验证组件：确认账号已认证为非个人主体，并在后台查看调用额度（每次成功调用 ¥0.03，前 1000 次免费）',
  '云开发控制台 → 设置 → 消息推送：把 wxa_media_check 事件推送到云函数 message（内容安全异步审核结果）',
  '云开发控制台 → 云函数：确认每个函数的运行时为 Nodejs16.13 或更高（运行时只能在创建时选择）',
  '小程序后台 → 开发管理 → 服务器域名 → downloadFile 合法域名：加入云存储临时链接的域名（以 getTempFileURL 返回的链接为准，形如 {env}.tcb.qcloud.la）。' +
    '资料文件在存储规则里是私有的，只能经云函数签发的短期链接打开；邀请海报的小程序码按 fileID 下载（wx.cloud.downloadFile），不需要这一步',
  '第一个运营账号：在 members 集合中把自己的 roles 设为 ["member","admin"]',
]

export function formatChecklist(): string {
  return ['需要在微信后台手动完成（无法自动化）：', ...MANUAL_CHECKLIST.map((line) => `  [ ] ${line}`)].join('\n')
}
