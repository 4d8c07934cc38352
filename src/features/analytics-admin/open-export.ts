import type { ExportView } from '@cloud/contracts/analytics'
import { toastSuccess } from '@/shared/ui/feedback'

/** H5 (local mode, or an operator in a desktop browser): the browser downloads the file from the short-lived URL. */
export async function deliverExport(file: ExportView): Promise<void> {
  window.open(file.url, '_blank', 'noopener')
  toastSuccess('已开始下载')
}
