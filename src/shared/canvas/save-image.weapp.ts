import Taro from '@tarojs/taro'
import { confirm } from '@/shared/ui/feedback'
import { askPrivacyConsent, type PrivacyAuthorizeApi } from '@/shared/wx/privacy-consent'
import type { SaveOutcome, SaveRequest } from './save-image.types'

export const SAVE_LABEL = '保存到相册'

const ALBUM = 'scope.writePhotosAlbum'
const denied = (what: string): SaveOutcome => ({
  ok: false,
  message: `未获得相册权限，${what}未保存。可在右上角“设置”中允许保存到相册`,
})

/** Privacy first (WeChat's own sheet), then the album permission: asked once, and after a refusal only via settings. */
async function mayWriteAlbum(what: string): Promise<SaveOutcome | null> {
  const api = Taro.canIUse('requirePrivacyAuthorize') ? (Taro.requirePrivacyAuthorize as unknown as PrivacyAuthorizeApi) : undefined
  if (!(await askPrivacyConsent(api))) return { ok: false, message: `需要同意隐私保护指引后才能保存${what}` }
  const { authSetting } = await Taro.getSetting()
  if (authSetting[ALBUM] !== false) return null
  const confirmed = await confirm({
    title: '需要相册权限',
    content: `保存${what}需要使用你的相册，请在设置中打开“保存到相册”`,
    confirmText: '去设置',
  })
  if (!confirmed) return denied(what)
  const after = await Taro.openSetting()
  return after.authSetting[ALBUM] ? null : denied(what)
}

/** The album permission flow, then the image drawn on the page's canvas, then saved to the album. */
export async function saveImage({ draw, what }: SaveRequest): Promise<SaveOutcome> {
  const blocked = await mayWriteAlbum(what)
  if (blocked) return blocked
  let filePath: string
  try {
    filePath = await draw()
  } catch {
    return { ok: false, message: `${what}生成失败，请稍后重试` }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return { ok: true, message: `${what}已保存到相册` }
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? '')
    if (/cancel/i.test(msg)) return { ok: false, message: '已取消保存' }
    if (/auth|deny|denied/i.test(msg)) return denied(what)
    return { ok: false, message: '保存失败，请稍后重试' }
  }
}
