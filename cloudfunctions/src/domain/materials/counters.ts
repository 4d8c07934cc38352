/**
 * Download counting without a hot document. Each member's downloads of a material live in their own doc
 * (`material_downloads/{materialId}:{memberId}`, `_.inc`), whose first insert is what makes the member "new";
 * the totals an admin list reads are spread over COUNTER_SHARDS docs per material (`material_counters/{id}~{k}`),
 * each download incrementing one shard picked at random. A rush on one material thus writes one doc per member
 * plus one of a few shards, and listing counts reads a handful of docs per material, never the download history.
 */
export const COUNTER_SHARDS = 4

export interface CounterShard {
  _id: string
  materialId: string
  k: number
  downloads: number
  members: number
}

export interface DownloadDoc {
  _id: string
  materialId: string
  memberId: string
  count: number
  firstAt: number
  lastAt: number
}

export interface DownloadCounts {
  downloads: number
  members: number
}

export const counterShardId = (materialId: string, k: number) => `${materialId}~${k}`
export const downloadDocId = (materialId: string, memberId: string) => `${materialId}:${memberId}`

export function emptyShards(materialId: string): CounterShard[] {
  return Array.from({ length: COUNTER_SHARDS }, (_, k) => ({ _id: counterShardId(materialId, k), materialId, k, downloads: 0, members: 0 }))
}

/** Totals per material from whatever shards were read. */
export function sumShards(shards: readonly Pick<CounterShard, 'materialId' | 'downloads' | 'members'>[]): Map<string, DownloadCounts> {
  const totals = new Map<string, DownloadCounts>()
  for (const s of shards) {
    const t = totals.get(s.materialId) ?? { downloads: 0, members: 0 }
    totals.set(s.materialId, { downloads: t.downloads + s.downloads, members: t.members + s.members })
  }
  return totals
}

/** Which shard a download increments; `random` is in [0, 1). */
export const pickShard = (random: number) => Math.min(COUNTER_SHARDS - 1, Math.floor(random * COUNTER_SHARDS))
