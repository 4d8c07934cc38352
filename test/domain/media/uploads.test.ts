import { isOwnFile, isSealedFile, parseFileId, sealedPath } from '../../../cloudfunctions/src/domain/media'
import { isOwnReviewUpload } from '../../../cloudfunctions/src/domain/review'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

const ENV = 'local-dev'
const id = (path: string, env = ENV) => `cloud://${env}.6c6f-${env}-1250000000/${path}`

describe('own files by fileID', () => {
  it('should accept a file in the member’s own folder of this environment', () => {
    expect(isOwnFile(id('avatars/m1/1700-abc.png'), 'avatars', 'm1', ENV)).toBe(true)
    expect(isOwnFile(id('checkins/m1/p1/a.jpg'), 'checkins', 'm1')).toBe(true)
  })

  it.each([
    ['another member’s folder', id('avatars/m2/a.png')],
    ['a query suffix', `${id('avatars/m2/a.png')}?/avatars/m1/`],
    ['a fragment', `${id('avatars/m1/a.png')}#x`],
    ['.. traversal', id('avatars/m1/../../materials/locked.pdf')],
    ['a folder of that name deeper down', id('materials/avatars/m1/a.png')],
    ['another environment', id('avatars/m1/a.png', 'other-env')],
    ['the folder itself', id('avatars/m1')],
    ['an encoded separator', id('avatars/m1/%2e%2e/x.png')],
    ['not a cloud fileID', 'https://example.com/avatars/m1/a.png'],
  ])('should refuse %s', (_name, fileId) => {
    expect(isOwnFile(fileId, 'avatars', 'm1', ENV)).toBe(false)
  })

  it('should name sealed copies by owner and content hash, and know them again', () => {
    const path = sealedPath('m1', 'ab'.repeat(32), 'jpg')
    expect(path).toBe(`sealed/${publicIdOf('m1')}/${'ab'.repeat(32)}.jpg`)
    expect(isSealedFile(id(path), 'm1', ENV)).toBe(true)
    expect(isSealedFile(id(path), 'm2', ENV)).toBe(false)
    expect(parseFileId(id(path))).toEqual({ env: ENV, bucket: `6c6f-${ENV}-1250000000`, path })
  })
})

describe('teachers’ voice review uploads', () => {
  it('should use the same strict rule: no query suffix, no traversal, the folder right after the bucket', () => {
    expect(isOwnReviewUpload(id('reviews/t1/p1/1700-abc.mp3'), 't1')).toBe(true)
    expect(isOwnReviewUpload(`${id('reviews/t2/p1/v.mp3')}?/reviews/t1/`, 't1')).toBe(false)
    expect(isOwnReviewUpload(`${id('reviews/t1/p1/v.mp3')}?sign=1`, 't1')).toBe(false)
    expect(isOwnReviewUpload(id('reviews/t1/../../materials/k/a.pdf'), 't1')).toBe(false)
    expect(isOwnReviewUpload(id('materials/reviews/t1/v.mp3'), 't1')).toBe(false)
  })
})
