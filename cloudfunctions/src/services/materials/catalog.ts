/** What members browse: the catalog page by page, and one material with whether the viewer holds it. */
import { toMaterialCard, toMaterialDetail, type MaterialCard, type MaterialDetail, type MaterialPage } from '../../contracts/materials'
import type { Grade, Subject } from '../../domain/identity'
import { accessOf, isVisible, rejectMaterial, type MaterialDoc } from '../../domain/materials'
import type { Rejection } from '../../domain/kernel'
import { track } from '../tracking/track'
import { factsFor } from './access'
import { getMaterial, MATERIALS, repo } from './store'
import { command } from '../../shared/repository'

export interface CatalogQuery {
  subject?: Subject
  grade?: Grade
  cursor?: string
  limit: number
}

/**
 * Newest first, `cursor` = the last item's createdAt. One request: members go through index
 * shelf_[subject_][grade_]created, the admin list (`where` empty) through index created.
 */
export async function pageOf(
  where: Record<string, unknown>,
  cursor: string | undefined,
  limit: number,
): Promise<MaterialPage<MaterialDoc>> {
  const _ = command()
  const query = cursor ? { ...where, createdAt: _.lt(Number(cursor)) } : where
  const res = await repo
    .col(MATERIALS)
    .where(query)
    .orderBy('createdAt', 'desc')
    .limit(limit + 1)
    .get()
  const docs = res.data
  const items = docs.slice(0, limit)
  return { items, cursor: docs.length > limit ? String(items[items.length - 1].createdAt) : null }
}

export async function listCatalog(q: CatalogQuery): Promise<MaterialPage<MaterialCard>> {
  const where: Record<string, unknown> = { onShelf: true }
  if (q.subject) where.subject = q.subject
  if (q.grade) where.grades = q.grade
  const page = await pageOf(where, q.cursor, q.limit)
  return { items: page.items.map(toMaterialCard), cursor: page.cursor }
}

export interface Viewer {
  memberId: string
  staff: boolean
}

/** The material and the viewer's access, or NOT_FOUND when it does not exist or is hidden from this viewer. */
export async function materialFor(materialId: string, viewer: Viewer) {
  const material = await getMaterial(materialId)
  if (!material) return rejectMaterial('MATERIAL.NOT_FOUND')
  const facts = await factsFor(material, viewer.memberId, viewer.staff)
  if (!isVisible(material, facts)) return rejectMaterial('MATERIAL.NOT_FOUND')
  return { material, facts, access: accessOf(material, facts) }
}

export async function materialDetail(materialId: string, viewer: Viewer, now: number): Promise<MaterialDetail | Rejection> {
  const found = await materialFor(materialId, viewer)
  if (!('material' in found)) return found
  // Once per member, material and day (the event's `_id`): a refresh is not a second view.
  await track(
    { type: 'material_view', memberId: viewer.memberId, ref: materialId, props: { materialId, rule: found.material.rule.kind } },
    now,
  )
  return toMaterialDetail(found.material, found.access.unlocked ? found.access.via : null, found.facts.qualifiedInvites)
}
