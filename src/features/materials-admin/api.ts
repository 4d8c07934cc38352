import { callAction } from '@/shared/cloud'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { AdminMaterialView, MaterialCreateInput, MaterialPatchInput } from '@cloud/contracts/materials'

/** Admin actions of the `materials` function; the function checks the caller's role, these pages only hide entries. */

export const ADMIN_PAGE_SIZE = 20

export async function listAllMaterials(cursor?: string): Promise<Envelope<Page<AdminMaterialView, string>>> {
  const payload: RequestOf<'materials', 'adminList'> =
    cursor === undefined ? { limit: ADMIN_PAGE_SIZE } : { cursor, limit: ADMIN_PAGE_SIZE }
  const res = await callAction('materials', 'adminList', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getMaterial = (materialId: string) => callAction('materials', 'adminGet', { materialId })
export const createMaterial = (material: MaterialCreateInput, requestId: string) =>
  callAction('materials', 'create', { material, requestId })
export const updateMaterial = (materialId: string, patch: MaterialPatchInput) => callAction('materials', 'update', { materialId, patch })
export const setShelf = (materialId: string, onShelf: boolean) => callAction('materials', 'setShelf', { materialId, onShelf })

/** The free classes a signup rule can name, newest first (one page of 50: the operator picks, never types an id). */
export async function classChoices(): Promise<Envelope<{ value: string; label: string }[]>> {
  const res = await callAction('classes', 'adminClasses', { limit: 50 })
  return res.code === 0 ? { code: 0, data: res.data.items.map((c) => ({ value: c.id, label: c.title })) } : res
}
