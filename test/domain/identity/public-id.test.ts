import { createHash } from 'crypto'
import fc from 'fast-check'
import { publicIdOf, sha256 } from '../../../cloudfunctions/src/domain/identity/public-id'

describe('public ids', () => {
  it('should compute SHA-256 exactly as node crypto does, for any bytes (block boundaries included)', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])
      expect(Buffer.from(sha256(new Uint8Array(n).fill(97))).toString('hex')).toBe(createHash('sha256').update('a'.repeat(n)).digest('hex'))
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
      }),
    )
  })

  it('should be the base64url SHA-256 of the versioned openid, stable and distinct', () => {
    const openid = 'oA1b2C3d4E5f6G7h8I9j0Kl'
    const expected = `u${createHash('sha256').update(`public-id/v1:${openid}`).digest('base64url').slice(0, 16)}`
    expect(publicIdOf(openid)).toBe(expected)
    expect(publicIdOf('学员-1')).toBe(`u${createHash('sha256').update('public-id/v1:学员-1').digest('base64url').slice(0, 16)}`)
    expect(publicIdOf(openid)).not.toBe(publicIdOf(`${openid}x`))
    expect(publicIdOf(openid)).toMatch(/^u[A-Za-z0-9_-]{16}$/)
  })
})
