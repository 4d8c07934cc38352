/**
 * Where materials live (documents in domain/materials):
 * - `materials/{id}`: the catalog entry, written only by staff;
 * - `material_unlocks/{materialId}:{memberId}`: a member's points or signup unlock, the idempotency key of the unlock;
 * - `material_downloads/{materialId}:{memberId}` and `material_counters/{materialId}~{k}`: see domain counters.ts.
 * A mall unlock needs no record here: the mall's fulfilled order is the record (services/mall/store.ts).
 */
import type { MaterialDoc } from '../../domain/materials'
import { getOrNull } from '../../shared/db'

export const MATERIALS = 'materials'
export const UNLOCKS = 'material_unlocks'
export const DOWNLOADS = 'material_downloads'
export const COUNTERS = 'material_counters'
/** Owned by the free-class feature and the mall; read only here. */
export { SIGNUPS as CLASS_SIGNUPS } from '../classes/store'
export { ORDERS as MALL_ORDERS } from '../mall/store'

export const getMaterial = (materialId: string) => getOrNull<MaterialDoc>(MATERIALS, materialId)
