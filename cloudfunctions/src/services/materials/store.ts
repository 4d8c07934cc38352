/**
 * Where materials live (documents in domain/materials):
 * - `materials/{id}`: the catalog entry, written only by staff;
 * - `material_unlocks/{materialId}:{memberId}`: a member's points or signup unlock, the idempotency key of the unlock;
 * - `material_downloads/{materialId}:{memberId}` and `material_counters/{materialId}~{k}`: see domain counters.ts.
 * A mall unlock needs no record here: the mall's fulfilled order is the record, asked through services/mall/unlocks.ts;
 * signups and invite stats likewise through services/classes/lookups.ts and services/invites/stats.ts.
 */
import { repository } from '../../shared/repository'

export const MATERIALS = 'materials'
export const UNLOCKS = 'material_unlocks'
export const DOWNLOADS = 'material_downloads'
export const COUNTERS = 'material_counters'

export const repo = repository('materials')

export const getMaterial = (materialId: string) => repo.get(MATERIALS, materialId)
