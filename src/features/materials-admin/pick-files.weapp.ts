import Taro from '@tarojs/taro'
import type { PickedFile } from './picked-file'

/** WeChat: files come from a chat (chooseMessageFile), the usual way staff get PDFs onto a phone. */
export async function pickFiles(max: number): Promise<PickedFile[]> {
  try {
    const res = await Taro.chooseMessageFile({ count: max, type: 'all' })
    return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
  } catch {
    // Cancelled by the admin.
    return []
  }
}
