/**
 * Invite codes: a short, unambiguous code per member that a poster's mini-program code carries as its scene.
 * Never derived from the openid (a scene is visible to anyone who scans it).
 */

/** No 0/O, 1/I/L: a code read aloud or typed from a screenshot is not mistaken. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 6
/** The scene prefix: leaves room for other scene kinds later, and `i=` + 6 chars is far below WeChat's 32. */
export const SCENE_PREFIX = 'i='
export const MAX_SCENE_LENGTH = 32

const CODE_PATTERN = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`)

/** `random` returns [0, 1) like Math.random; injected so tests can pin it. */
export function generateInviteCode(random: () => number = Math.random): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    const r = random()
    if (!(r >= 0 && r < 1)) throw new RangeError(`random() must be in [0, 1), got ${r}`)
    code += INVITE_CODE_ALPHABET[Math.floor(r * INVITE_CODE_ALPHABET.length)]
  }
  return code
}

export const isInviteCode = (value: unknown): value is string => typeof value === 'string' && CODE_PATTERN.test(value)

/** The scene string encoded in the poster's mini-program code. */
export function sceneOf(code: string): string {
  if (!isInviteCode(code)) throw new RangeError(`not an invite code: ${JSON.stringify(code)}`)
  const scene = `${SCENE_PREFIX}${code}`
  if (scene.length > MAX_SCENE_LENGTH) throw new RangeError('scene longer than 32 characters')
  return scene
}

/**
 * The code in what a launch carried: `i=CODE`, the bare code, or either URL-encoded once (WeChat hands the page
 * `query.scene` encoded). Lower case is accepted (typed by hand). null when it is not an invite code.
 */
export function codeFromScene(raw: string): string | null {
  let text = raw.trim()
  try {
    text = decodeURIComponent(text)
  } catch {
    return null
  }
  if (text.startsWith(SCENE_PREFIX)) text = text.slice(SCENE_PREFIX.length)
  const code = text.toUpperCase()
  return isInviteCode(code) ? code : null
}
