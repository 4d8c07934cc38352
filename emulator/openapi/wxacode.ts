import QRCode from 'qrcode'
import { WxApiError, wxError, WX_ERR, stringParam, type OpenApiResult } from './wx-api-error'

/** What WeChat allows in a scene: at most 32 visible characters from this set. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const ENV_VERSIONS = new Set(['release', 'trial', 'develop'])

/** The text a local "wxacode" encodes, so tests and the dev panel can read page and scene back. */
export function wxacodeText(page: string, scene: string): string {
  return `https://local.wxacode/?page=${encodeURIComponent(page)}&scene=${encodeURIComponent(scene)}`
}

interface Rgb {
  r: number
  g: number
  b: number
}

function hexColor(color: unknown): string {
  const c = (color ?? {}) as Partial<Rgb>
  const part = (n: unknown) =>
    Math.max(0, Math.min(255, Number(n) || 0))
      .toString(16)
      .padStart(2, '0')
  return `#${part(c.r)}${part(c.g)}${part(c.b)}`
}

/**
 * `wxacode.getUnlimited`: validates like WeChat (scene charset and length, page of the app unless
 * `check_path` is false) and answers a real, decodable PNG QR code. WeChat draws a round "sun code"
 * instead, which nothing local could decode; a QR code carries the same information.
 */
export async function getUnlimited(params: Record<string, unknown>, pages: string[] | undefined): Promise<OpenApiResult> {
  const scene = stringParam(params, 'scene')
  if (scene === undefined || !SCENE_PATTERN.test(scene)) throw new WxApiError(40169, 'invalid scene')
  const page = stringParam(params, 'page') ?? ''
  const checkPath = params.check_path !== false
  if (page.startsWith('/') || page.includes('?')) throw new WxApiError(41030, 'invalid page')
  if (page && checkPath && pages && !pages.includes(page)) throw new WxApiError(41030, 'invalid page')
  const envVersion = stringParam(params, 'env_version') ?? 'release'
  if (!ENV_VERSIONS.has(envVersion)) throw wxError(WX_ERR.INVALID_ARGS, 'env_version')
  // WeChat clamps the width to 280..1280 px instead of refusing it.
  const width = Math.max(280, Math.min(1280, Number(params.width) || 430))
  const dark = params.auto_color === true || !params.line_color ? '#000000ff' : `${hexColor(params.line_color)}ff`
  const light = params.is_hyaline === true ? '#ffffff00' : '#ffffffff'
  const png = await QRCode.toBuffer(wxacodeText(page || (pages?.[0] ?? ''), scene), {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark, light },
  })
  return { binary: png, contentType: 'image/png' }
}
