/**
 * Demo mall and points: items of each kind (a parcel, a code item with its pool, an
 * unlock) and welcome points for every persona, written through the real services so
 * the ledger, balances and stock shards are exactly what production code would write.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { productPng } from './demo-files'

export async function seedMall(emu: Emulator, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { applyEntry } = await import('../../cloudfunctions/src/services/points/ledger')
  const { createItem } = await import('../../cloudfunctions/src/services/mall/items')
  const { addCodes } = await import('../../cloudfunctions/src/services/mall/codes')
  for (const p of emu.personas) {
    const out = await applyEntry(
      { _id: `adjust:welcome-${p.openid}`, memberId: p.openid, amount: 200, reason: 'adjust', note: '新人欢迎积分' },
      now,
    )
    if (!out.ok) throw new Error(`seed points for ${p.openid}: ${out.code}`)
  }
  const base = { description: '', images: [] as string[], perMemberLimit: null, saleStart: null, saleEnd: null, onShelf: true }
  // Real item pictures in the emulator's storage (one per item), so the mall grid shows images, not placeholders.
  const picture = (name: string, rgb: [number, number, number]) => emu.storage.put(`mall-items/seed/${name}.png`, productPng(400, rgb))
  const pictures = [await picture('book', [255, 151, 106]), await picture('code', [25, 137, 250]), await picture('bank', [7, 193, 96])]
  await createItem(
    {
      ...base,
      title: '英语绘本《Brown Bear》',
      images: [pictures[0]],
      description: '精装原版绘本，包邮到家。',
      kind: 'physical',
      cost: 300,
      stock: 20,
      perMemberLimit: 1,
    },
    'seed-item-1',
    'seed',
    now,
  )
  await createItem(
    {
      ...base,
      title: '一对一诊断课兑换码',
      images: [pictures[1]],
      description: '兑换后凭码预约 30 分钟一对一学习诊断。',
      kind: 'code',
      codePoolId: 'diagnosis',
      cost: 150,
      stock: 0,
    },
    'seed-item-2',
    'seed',
    now,
  )
  await addCodes(
    'diagnosis',
    Array.from({ length: 10 }, (_, i) => `DIAG-2026-${String(i + 1).padStart(4, '0')}`),
  )
  await createItem(
    {
      ...base,
      title: '三年级数学思维题库',
      images: [pictures[2]],
      description: '兑换后即可在资料区下载完整题库。',
      kind: 'unlock',
      unlockTarget: 'material',
      unlockTargetId: 'math-g3-bank',
      cost: 80,
      stock: 999,
    },
    'seed-item-3',
    'seed',
    now,
  )
  await createItem(
    {
      ...base,
      title: '限量学习文具礼盒',
      description: '下周一开始兑换。',
      kind: 'physical',
      cost: 500,
      stock: 5,
      saleStart: now + 5 * 86_400_000,
    },
    'seed-item-4',
    'seed',
    now,
  )
}
