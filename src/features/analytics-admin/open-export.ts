import Taro from '@tarojs/taro'
import type { ExportView } from '@cloud/contracts/analytics'

/** H5 (local mode, or an operator in a desktop browser): the browser downloads the file from the short-lived URL. */
export async function deliverExport(file: ExportView): Promise<void> {
  window.open(file.url, '_blank', 'noopener')
  void Taro.showToast({ title: '已开始下载', icon: 'success' })
}
