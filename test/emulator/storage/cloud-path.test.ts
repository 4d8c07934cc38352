import * as path from 'path'
import { cloudPathOf, cloudPathProblem, diskPathOf, fileIdOf } from '../../../emulator/storage/cloud-path'

const ROOT = path.resolve('/data/storage')

describe('cloud paths', () => {
  it.each(['a.png', 'a/b/c.png', '资料/讲义 1.pdf', '.well-known/x.txt'])('should accept %s', (cloudPath) => {
    expect(cloudPathProblem(cloudPath)).toBeUndefined()
    expect(diskPathOf(ROOT, cloudPath)?.startsWith(ROOT + path.sep)).toBe(true)
  })

  it.each(['', '/a', '../a', 'a/../../b', 'a/..', './a', 'a//b', 'a/', 'a\\b', 'a\u0000b', 'a%2e%2e', 'a#b'])(
    'should refuse %j and give it no disk path',
    (cloudPath) => {
      expect(cloudPathProblem(cloudPath)).toBeDefined()
      expect(diskPathOf(ROOT, cloudPath)).toBeUndefined()
    },
  )

  it('should refuse a cloud path longer than 850 bytes', () => {
    expect(cloudPathProblem('x'.repeat(851))).toBeDefined()
    expect(cloudPathProblem('x'.repeat(850))).toBeUndefined()
  })

  it('should read back the cloud path of a fileID it made', () => {
    expect(cloudPathOf('env-1', fileIdOf('env-1', 'a/b.png'))).toBe('a/b.png')
  })

  it('should not read a fileID whose path would escape', () => {
    expect(cloudPathOf('env-1', fileIdOf('env-1', '../etc/passwd'))).toBeUndefined()
  })
})
