import { checkFiles, COUNTER_SHARDS, emptyShards, envOfFileId, pickShard, sumShards, type MaterialFile } from '@cloud/domain/materials'

const ENV = 'prod-1a2b'
const file = (path: string, env = ENV): MaterialFile => ({
  fileId: `cloud://${env}.7072-${env}-1250000000/${path}`,
  name: path,
  size: 1,
  kind: 'pdf',
})

describe('material files', () => {
  it('should read the env of a cloud fileID and nothing from other strings', () => {
    expect(envOfFileId(file('a.pdf').fileId)).toBe(ENV)
    expect(envOfFileId('https://example.com/a.pdf')).toBeNull()
  })

  it('should accept files of this env and refuse foreign files, a foreign cover and duplicates', () => {
    expect(checkFiles([file('a.pdf'), file('b.pdf')], file('c.png').fileId, ENV)).toBeNull()
    expect(checkFiles([file('a.pdf', 'other')], null, ENV)).toMatchObject({ code: 'MATERIAL.FILE_FOREIGN' })
    expect(checkFiles([file('a.pdf')], file('c.png', 'other').fileId, ENV)).toMatchObject({ code: 'MATERIAL.FILE_FOREIGN' })
    expect(checkFiles([file('a.pdf'), file('a.pdf')], null, ENV)).toMatchObject({ code: 'MATERIAL.FILE_DUPLICATE' })
  })
})

describe('download counters', () => {
  it('should start every material with empty shards of distinct ids', () => {
    const shards = emptyShards('mat-1')
    expect(shards).toHaveLength(COUNTER_SHARDS)
    expect(new Set(shards.map((s) => s._id)).size).toBe(COUNTER_SHARDS)
    expect(shards.every((s) => s.downloads === 0 && s.members === 0)).toBe(true)
  })

  it('should sum shards per material', () => {
    const totals = sumShards([
      { materialId: 'a', downloads: 3, members: 1 },
      { materialId: 'b', downloads: 1, members: 1 },
      { materialId: 'a', downloads: 4, members: 2 },
    ])
    expect(totals.get('a')).toEqual({ downloads: 7, members: 3 })
    expect(totals.get('b')).toEqual({ downloads: 1, members: 1 })
  })

  it('should pick a shard inside the range for any random number', () => {
    expect(pickShard(0)).toBe(0)
    expect(pickShard(0.999999)).toBe(COUNTER_SHARDS - 1)
    expect(pickShard(1)).toBe(COUNTER_SHARDS - 1)
  })
})
