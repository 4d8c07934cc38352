/** Staff: create and edit materials (files checked against this env's storage), the shelf, the list with counts. */
import {
  toAdminMaterialView,
  type AdminMaterialView,
  type MaterialCreateInput,
  type MaterialPage,
  type MaterialPatchInput,
} from '../../contracts/materials'
import { checkFiles, emptyShards, rejectMaterial, type MaterialDoc, type MaterialFile } from '../../domain/materials'
import { isRejection, type Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction } from '../../shared/db'
import { pageOf } from './catalog'
import { countsOf } from './counters'
import { currentEnvId, missingFiles } from './files'
import { COUNTERS, getMaterial, MATERIALS, repo } from './store'
import { createdId } from '../../shared/created-id'

const ZERO = { downloads: 0, members: 0 }

/** Pure checks first (env, duplicates), then one storage request: every file must really be there. */
async function filesProblem(files: readonly MaterialFile[], cover: string | null): Promise<Rejection | null> {
  const pure = checkFiles(files, cover, currentEnvId())
  if (pure) return pure
  const missing = await missingFiles(cover ? [...files.map((f) => f.fileId), cover] : files.map((f) => f.fileId))
  return missing.length ? rejectMaterial('MATERIAL.FILE_MISSING', { fileId: missing[0] }) : null
}

/** `id` is for the demo seed, which needs the id a mall unlock item already names; staff always get a new one. */
/** One material per request id (a repeat of the same form answers the first one; its counters commit with it). */
export async function createMaterial(
  input: MaterialCreateInput,
  requestId: string,
  adminId: string,
  now: number,
  id?: string,
): Promise<AdminMaterialView | Rejection> {
  const problem = await filesProblem(input.files, input.cover)
  if (problem) return problem
  const material: MaterialDoc = { ...input, _id: id ?? `mat-${createdId('material', adminId, requestId)}`, createdAt: now, updatedAt: now }
  const first = await withTransaction(async (tx) => {
    const existing = await repo.getIn(tx, MATERIALS, material._id)
    if (existing) return existing
    await repo.inTx(tx, MATERIALS).add({ data: material })
    for (const { _id, ...shard } of emptyShards(material._id)) await repo.inTx(tx, COUNTERS).doc(_id).set({ data: shard })
    return null
  })
  return first ? viewWithCounts(first) : toAdminMaterialView(material, ZERO)
}

async function viewWithCounts(material: MaterialDoc): Promise<AdminMaterialView> {
  return toAdminMaterialView(material, (await countsOf([material._id])).get(material._id) ?? ZERO)
}

export async function updateMaterial(materialId: string, patch: MaterialPatchInput, now: number): Promise<AdminMaterialView | Rejection> {
  if (patch.files || patch.cover !== undefined) {
    const current = await getMaterial(materialId)
    if (!current) return rejectMaterial('MATERIAL.NOT_FOUND')
    const problem = await filesProblem(patch.files ?? current.files, patch.cover !== undefined ? patch.cover : current.cover)
    if (problem) return problem
  }
  const out = await withTransaction<MaterialDoc | Rejection>(async (tx) => {
    const material = await repo.getIn(tx, MATERIALS, materialId)
    if (!material) throw new TxAbort<Rejection>(rejectMaterial('MATERIAL.NOT_FOUND'))
    // `set` of the whole doc: an update would merge a new rule object into the old one (e.g. keep `cost` on `free`).
    const { _id, ...next } = { ...material, ...patch, updatedAt: now }
    await repo.inTx(tx, MATERIALS).doc(_id).set({ data: next })
    return { _id, ...next }
  })
  return isRejection(out) ? out : viewWithCounts(out)
}

export const setShelf = (materialId: string, onShelf: boolean, now: number) => updateMaterial(materialId, { onShelf }, now)

export async function adminGet(materialId: string): Promise<AdminMaterialView | Rejection> {
  const material = await getMaterial(materialId)
  return material ? viewWithCounts(material) : rejectMaterial('MATERIAL.NOT_FOUND')
}

/** All materials newest first, each with its download and member counts (two requests a page). */
export async function adminList(cursor: string | undefined, limit: number): Promise<MaterialPage<AdminMaterialView>> {
  const page = await pageOf({}, cursor, limit)
  const counts = await countsOf(page.items.map((m) => m._id))
  return { items: page.items.map((m) => toAdminMaterialView(m, counts.get(m._id) ?? ZERO)), cursor: page.cursor }
}
