import type { AdminMaterialView, MaterialCard, MaterialDetail } from '@cloud/contracts/materials'

export function card(over: Partial<MaterialCard> = {}): MaterialCard {
  return {
    id: 'm1',
    title: '三年级数学思维题库',
    subject: 'math',
    subjectLabel: '数学',
    grades: ['g3'],
    gradeLabels: ['三年级'],
    cover: null,
    fileCount: 1,
    rule: { kind: 'free' },
    ruleTag: '免费',
    onShelf: true,
    ...over,
  }
}

export function detail(over: Partial<MaterialDetail> = {}): MaterialDetail {
  return {
    ...card(),
    description: '100 道思维训练题',
    files: [{ index: 0, name: '题库.pdf', size: 2048, kind: 'pdf', kindLabel: 'PDF' }],
    ruleText: '免费资料，可直接打开',
    unlocked: true,
    via: 'free',
    invites: null,
    ...over,
  }
}

export const pointsLocked = (over: Partial<MaterialDetail> = {}) =>
  detail({
    rule: { kind: 'points', cost: 30 },
    ruleTag: '30 积分',
    ruleText: '消耗 30 积分解锁，解锁后可反复下载',
    unlocked: false,
    via: null,
    ...over,
  })

export function adminView(over: Partial<AdminMaterialView> = {}): AdminMaterialView {
  return {
    ...card(),
    description: '',
    files: [{ fileId: 'cloud://local-dev.6c6f-local-dev-1250000000/materials/a/题库.pdf', name: '题库.pdf', size: 2048, kind: 'pdf' }],
    downloads: 12,
    members: 5,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  }
}
