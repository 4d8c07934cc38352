import { isOwnFile, isSealedFile, parseFileId, sealedPath } from '../../../cloudfunctions/src/domain/media'

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
    expect(path).toBe(`sealed/m1/${'ab'.repeat(32)}.jpg`)
    expect(isSealedFile(id(path), 'm1', ENV)).toBe(true)
    expect(isSealedFile(id(path), 'm2', ENV)).toBe(false)
    expect(parseFileId(id(path))).toEqual({ env: ENV, bucket: `6c6f-${ENV}-1250000000`, path })
  })
})
