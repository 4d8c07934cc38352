import { callAction } from '@/shared/cloud'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { MaterialCard } from '@cloud/contracts/materials'
import type { Grade, Subject } from '@cloud/domain/identity'

export const MATERIALS_PAGE_SIZE = 20

export interface CatalogFilter {
  subject?: Subject
  grade?: Grade
}

export async function listMaterials(filter: CatalogFilter, cursor?: string): Promise<Envelope<Page<MaterialCard, string>>> {
  const payload: RequestOf<'materials', 'list'> = { limit: MATERIALS_PAGE_SIZE }
  if (filter.subject) payload.subject = filter.subject
  if (filter.grade) payload.grade = filter.grade
  if (cursor !== undefined) payload.cursor = cursor
  const res = await callAction('materials', 'list', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getMaterial = (materialId: string) => callAction('materials', 'detail', { materialId })

/** Safe to repeat: the server spends a material's points once per member, whatever the number of taps. */
export const unlockMaterial = (materialId: string) => callAction('materials', 'unlock', { materialId })

export const openMaterial = (materialId: string, fileIndex: number) => callAction('materials', 'open', { materialId, fileIndex })

/** Shown in the unlock confirmation, so a member sees whether the points suffice. */
export const getMyBalance = () => callAction('points', 'balance')
