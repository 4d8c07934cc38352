import Taro from '@tarojs/taro'
import type { ExportView } from '@cloud/contracts/analytics'

/** WeChat cannot open a CSV in-app: copy the download link and tell the operator to open it in a browser. */
export async function deliverExport(file: ExportView): Promise<void> {
  await Taro.setClipboardData({ data: file.url })
  await Taro.showModal({
    title: '下载链接已复制',
    content: '微信内无法直接打开表格文件，请粘贴到电脑浏览器中下载（链接 10 分钟内有效）。',
    showCancel: false,
    confirmText: '知道了',
  })
}
