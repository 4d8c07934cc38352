import Taro from '@tarojs/taro'
import type { ExportView } from '@cloud/contracts/analytics'
import { alert } from '@/shared/ui/feedback'

/**
 * WeChat opens an .xlsx in its document viewer (openDocument, whose menu offers 转发 / 保存 to send it to a computer);
 * the short-lived link is downloaded the way materials are. A CSV cannot be opened in-app: the link is copied for a
 * desktop browser instead.
 */
export async function deliverExport(file: ExportView): Promise<void> {
  if (file.format === 'xlsx') {
    const download = await Taro.downloadFile({ url: file.url })
    if (download.statusCode !== 200) throw new Error(`download failed: HTTP ${download.statusCode}`)
    await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  await Taro.setClipboardData({ data: file.url })
  await alert({
    title: '下载链接已复制',
    content: '微信内无法直接打开 CSV 文件，请粘贴到电脑浏览器中下载（链接 10 分钟内有效）。',
    confirmText: '知道了',
  })
}
