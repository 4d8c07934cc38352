import type { AdminMaterialView, MaterialDetail, OpenedFile } from '../../../cloudfunctions/src/contracts/materials'
import type { Envelope } from '../../../cloudfunctions/src/contracts/envelope'
import type { FunctionsHarness } from '../../support/functions'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

export const ADMIN = 'materials-admin'

let seq = 0
const next = () => `${Date.now().toString(36)}-${(seq++).toString(36)}`
export const requestId = () => `req-${next()}`

/** A real file in the emulator's storage, answered as a material file. */
export async function storedFile(h: FunctionsHarness, name = 'sheet.pdf', kind = 'pdf') {
  const bytes = Buffer.from(`%PDF-1.4 test ${name}`)
  const fileId = await h.emu.storage.put(`materials/${next()}/${name}`, bytes)
  return { fileId, name, size: bytes.length, kind }
}

export async function giveMaterial(h: FunctionsHarness, fields: Record<string, unknown> = {}): Promise<AdminMaterialView> {
  const material = {
    title: '三年级数学口算题',
    subject: 'math',
    grades: ['g3'],
    files: [await storedFile(h)],
    rule: { kind: 'free' },
    onShelf: true,
    ...fields,
  }
  return h.ok<AdminMaterialView>(
    'materials',
    { action: 'create', material, requestId: `rq-${Math.random().toString(36).slice(2, 12)}` },
    ADMIN,
  )
}

export async function fund(h: FunctionsHarness, memberId: string, amount: number): Promise<void> {
  await h.ok('points', { action: 'adjust', member: publicIdOf(memberId), amount, note: '测试充值', requestId: requestId() }, ADMIN)
}

export const balanceOf = async (h: FunctionsHarness, memberId: string) =>
  (await h.ok<{ balance: number }>('points', { action: 'balance' }, memberId)).balance

export const unlock = (h: FunctionsHarness, memberId: string, materialId: string): Promise<Envelope<MaterialDetail>> =>
  h.call<MaterialDetail>('materials', { action: 'unlock', materialId }, memberId)

export const openFile = (h: FunctionsHarness, memberId: string, materialId: string, fileIndex = 0): Promise<Envelope<OpenedFile>> =>
  h.call<OpenedFile>('materials', { action: 'open', materialId, fileIndex }, memberId)

export const detail = (h: FunctionsHarness, memberId: string, materialId: string) =>
  h.ok<MaterialDetail>('materials', { action: 'detail', materialId }, memberId)

/** A free-class signup as the classes feature stores it (`_id` = `{classId}:{memberId}`). */
export async function signup(h: FunctionsHarness, classId: string, memberId: string, status: string): Promise<void> {
  const createdAt = h.emu.clock.now()
  await h.emu.db.insert('class_signups', [{ _id: `${classId}:${memberId}`, classId, memberId, status, createdAt }])
}
