import {
  codeFromScene,
  generateInviteCode,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  isInviteCode,
  MAX_SCENE_LENGTH,
  sceneOf,
} from '@cloud/domain/invites'

/** A deterministic random() walking through the alphabet. */
const stepper = (start = 0) => {
  let i = start
  return () => (i++ % INVITE_CODE_ALPHABET.length) / INVITE_CODE_ALPHABET.length
}

describe('invite codes', () => {
  it('should generate a code of the fixed length from the unambiguous alphabet only', () => {
    for (let n = 0; n < 200; n++) {
      const code = generateInviteCode()
      expect(code).toHaveLength(INVITE_CODE_LENGTH)
      expect(code).not.toMatch(/[01ILO]/)
      expect(isInviteCode(code)).toBe(true)
    }
  })

  it('should map random() onto the alphabet in order', () => {
    expect(generateInviteCode(stepper())).toBe(INVITE_CODE_ALPHABET.slice(0, INVITE_CODE_LENGTH))
    expect(generateInviteCode(() => 0.999999)).toBe('ZZZZZZ')
  })

  it('should refuse a random source outside [0, 1)', () => {
    expect(() => generateInviteCode(() => 1)).toThrow(RangeError)
    expect(() => generateInviteCode(() => Number.NaN)).toThrow(RangeError)
  })

  it('should make a scene within WeChat’s 32 characters that reads back to the code', () => {
    const scene = sceneOf('AB23CD')
    expect(scene).toBe('i=AB23CD')
    expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH)
    expect(codeFromScene(scene)).toBe('AB23CD')
  })

  it('should refuse to make a scene from something that is not a code (e.g. an openid)', () => {
    expect(() => sceneOf('oAbCdEfGhIjKlMnOpQrStUvWxYz012')).toThrow(RangeError)
  })

  it.each([
    ['i%3DAB23CD', 'AB23CD'],
    ['AB23CD', 'AB23CD'],
    ['ab23cd', 'AB23CD'],
    [' i=XY89ZZ ', 'XY89ZZ'],
  ])('should read the code out of the launch scene %s', (raw, code) => {
    expect(codeFromScene(raw)).toBe(code)
  })

  it.each(['', 'i=', 'i=AB23C', 'i=AB23CD9', 'i=AB1OCD', 'x=AB23CD', '%E0%A4%A', 'oUser-openid-123'])(
    'should answer null for %j',
    (raw) => {
      expect(codeFromScene(raw)).toBeNull()
    },
  )
})
