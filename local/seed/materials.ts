/**
 * Demo study materials: seven entries across grades and subjects with real files in the emulator's storage, mixing
 * free, signup, points and invite rules (one off the shelf), plus some download and unlock history — all written through
 * the real services. `math-g3-bank` is the id the mall's demo unlock item already points at.
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import type { MaterialCreateInput } from '../../cloudfunctions/src/contracts/materials'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { minimalPdf, solidPng } from './demo-files'

const DAY = 86_400_000

type Demo = Omit<MaterialCreateInput, 'files' | 'cover'> & { id: string; files: { name: string; bytes: Buffer }[] }

const pdf = (name: string, ...lines: string[]) => ({ name, bytes: minimalPdf(lines) })
const png = (name: string, rgb: [number, number, number]) => ({ name, bytes: solidPng(120, 160, rgb) })

const DEMOS: Demo[] = [
  {
    id: 'math-g3-bank',
    title: '三年级数学思维题库',
    description: '100 道思维训练题，按难度分三级，附详细解析。积分商城兑换也可解锁。',
    subject: 'math',
    grades: ['g3'],
    rule: { kind: 'points', cost: 100 },
    onShelf: true,
    files: [pdf('三年级数学思维题库.pdf', 'Grade 3 Math Thinking Bank', 'Level 1: 1. 12 + 29 = ?', 'Level 2: 2. 3 x 7 - 5 = ?')],
  },
  {
    id: 'pinyin-cards-g1',
    title: '一年级拼音卡片',
    description: '声母、韵母彩色卡片，可打印裁剪，适合亲子练习。',
    subject: 'chinese',
    grades: ['preschool', 'g1'],
    rule: { kind: 'free' },
    onShelf: true,
    files: [png('声母卡片.png', [255, 170, 120]), png('韵母卡片.png', [120, 190, 255])],
  },
  {
    id: 'english-phonics-g2',
    title: '自然拼读 26 个字母练习册',
    description: '每个字母一页：发音要点、描红和配套单词。',
    subject: 'english',
    grades: ['g1', 'g2'],
    rule: { kind: 'points', cost: 30 },
    onShelf: true,
    files: [pdf('自然拼读练习册.pdf', 'Phonics Workbook A-Z', 'A a: apple, ant, alligator', 'B b: bear, ball, banana')],
  },
  {
    id: 'physics-g8-review',
    title: '初二物理期中复习提纲',
    description: '声、光、热三章知识点梳理与易错题。报名任意一节免费课即可领取。',
    subject: 'physics',
    grades: ['g8'],
    rule: { kind: 'signup', classId: null },
    onShelf: true,
    files: [pdf('初二物理复习提纲.pdf', 'Grade 8 Physics Midterm Review', '1. Sound  2. Light  3. Heat')],
  },
  {
    id: 'reading-list-g5',
    title: '五六年级课外阅读书单',
    description: '按主题整理的 40 本推荐书目和阅读记录表。',
    subject: 'reading',
    grades: ['g5', 'g6'],
    rule: { kind: 'free' },
    onShelf: true,
    files: [pdf('课外阅读书单.pdf', 'Reading List for Grades 5-6', '40 books in 8 themes, with a reading log')],
  },
  {
    id: 'english-words-g4',
    title: '四年级英语高频词汇表',
    description: '按单元整理的 300 个高频词，附音标与例句。邀请 3 位好友完成首次打卡或报名免费课即可领取。',
    subject: 'english',
    grades: ['g4'],
    rule: { kind: 'invites', count: 3 },
    onShelf: true,
    files: [pdf('四年级英语高频词汇表.pdf', 'Grade 4 English Core Words', 'Unit 1: school, teacher, classroom, library')],
  },
  {
    id: 'chemistry-g9-lab',
    title: '初三化学实验手册（修订中）',
    description: '修订完成后重新上架。',
    subject: 'chemistry',
    grades: ['g9'],
    rule: { kind: 'points', cost: 50 },
    onShelf: false,
    files: [pdf('化学实验手册.pdf', 'Grade 9 Chemistry Lab Manual (draft)')],
  },
]

export async function seedMaterials(emu: Emulator, now: number): Promise<void> {
  pointSdkAt(emu.url)
  const { createMaterial } = await import('../../cloudfunctions/src/services/materials/admin')
  const { unlockMaterial } = await import('../../cloudfunctions/src/services/materials/unlock')
  const counters = await import('../../cloudfunctions/src/services/materials/counters')
  // A download and its event, as opening the first file does.
  const countDownload = (materialId: string, memberId: string, at: number) =>
    counters.countDownload(
      materialId,
      memberId,
      { type: 'material_download', memberId, ref: materialId, props: { materialId, file: 0, kind: 'pdf' } },
      at,
    )
  for (const [i, demo] of DEMOS.entries()) {
    const { id, files, ...fields } = demo
    const stored = []
    for (const f of files) {
      const fileId = await emu.storage.put(`materials/${id}/${f.name}`, f.bytes)
      stored.push({ fileId, name: f.name, size: f.bytes.length, kind: f.name.endsWith('.png') ? ('image' as const) : ('pdf' as const) })
    }
    const cover = stored.find((f) => f.kind === 'image')?.fileId ?? null
    const out = await createMaterial({ ...fields, files: stored, cover }, `seed-${id}`, 'seed', now - (DEMOS.length - i) * DAY, id)
    if ('ok' in out) throw new Error(`seed material ${id}: ${out.code}`)
  }
  // History: a member bought the phonics workbook with points; free materials were downloaded a few times.
  const members = emu.personas.filter((p) => p.role === 'member').map((p) => p.openid)
  const bought = await unlockMaterial('english-phonics-g2', members[0], now)
  if ('ok' in bought) throw new Error(`seed unlock: ${bought.code}`)
  for (const [k, memberId] of members.slice(0, 6).entries()) {
    await countDownload('pinyin-cards-g1', memberId, now - (k + 1) * 3_600_000)
    if (k % 2 === 0) await countDownload('reading-list-g5', memberId, now - k * 3_600_000)
  }
  await countDownload('pinyin-cards-g1', members[0], now - 600_000)
  await countDownload('english-phonics-g2', members[0], now - DAY)
}
