import Taro from '@tarojs/taro'
import type { OpenedFile } from '@cloud/contracts/materials'
import { toast } from '@/shared/ui/feedback'

const DOCUMENT_TYPES: Record<string, 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'ppt' | 'pptx'> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  ppt: 'ppt',
  pptx: 'pptx',
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase()

let player: Taro.InnerAudioContext | null = null

/**
 * WeChat: images open in the image viewer straight from the URL; audio plays in the page; documents are
 * downloaded to a temp file and opened with openDocument (which offers 转发 / 保存 from its menu).
 */
export async function showFile(file: OpenedFile): Promise<void> {
  if (file.kind === 'image') {
    await Taro.previewImage({ urls: [file.url], current: file.url })
    return
  }
  if (file.kind === 'audio') {
    player?.destroy()
    player = Taro.createInnerAudioContext()
    player.src = file.url
    player.play()
    toast('开始播放')
    return
  }
  const download = await Taro.downloadFile({ url: file.url })
  if (download.statusCode !== 200) throw new Error(`download failed: HTTP ${download.statusCode}`)
  const fileType = DOCUMENT_TYPES[extensionOf(file.name)] ?? (file.kind === 'pdf' ? 'pdf' : undefined)
  await Taro.openDocument({ filePath: download.tempFilePath, showMenu: true, ...(fileType ? { fileType } : {}) })
}
