/**
 * Dev identities for local mode. The persona page lets a developer act as any
 * of them; the emulator invokes functions with the persona's openid exactly as
 * WeChat would put it in getWXContext(). Open data (phone number, the group a
 * page was opened from) resolves per persona through CloudIDs.
 */
export type PersonaRole = 'member' | 'teacher' | 'admin'

export interface Persona {
  openid: string
  nickname: string
  role: PersonaRole
  phoneNumber: string
  /** WeChat group ids (opengid) this persona is in; the first is the bound camp group. */
  groups: string[]
  grade?: (typeof GRADES)[number]
}

export const DEV_APPID = 'wxdevlocal0000000'
export const CAMP_GROUP = 'GdevCampGroup0001'
/** A second group nobody bound yet: the dev panel can open the app "from" it to try 绑定此群. */
export const NEW_GROUP = 'GdevCampGroup0002'

/** The dev panel's group choices (local mode shows names, never ids). */
export const DEV_GROUPS: readonly { id: string; name: string }[] = [
  { id: CAMP_GROUP, name: '英语口语打卡群' },
  { id: NEW_GROUP, name: '新建的打卡群' },
]

const MEMBER_NAMES = [
  '小明妈妈',
  '乐乐爸爸',
  '朵朵',
  '阳阳妈妈',
  '子涵',
  '一诺爸爸',
  '欣怡',
  '浩然妈妈',
  '梓萱',
  '宇轩爸爸',
  '思琪',
  '俊杰妈妈',
]
/** Grade codes of the identity domain (g1 = 一年级 …). */
const GRADES = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'] as const

export const PERSONAS: Persona[] = [
  { openid: 'dev-admin', nickname: '运营小王', role: 'admin', phoneNumber: '13800000000', groups: [CAMP_GROUP, NEW_GROUP] },
  { openid: 'dev-teacher-01', nickname: '李老师', role: 'teacher', phoneNumber: '13800000001', groups: [CAMP_GROUP, NEW_GROUP] },
  { openid: 'dev-teacher-02', nickname: '张老师', role: 'teacher', phoneNumber: '13800000002', groups: [CAMP_GROUP] },
  ...MEMBER_NAMES.map((nickname, i): Persona => ({
    openid: `dev-member-${String(i + 1).padStart(2, '0')}`,
    nickname,
    role: 'member',
    phoneNumber: `139000000${String(i + 1).padStart(2, '0')}`,
    // Two members are not in the camp group, so the group multiplier can be seen not to apply.
    groups: i >= 10 ? [] : [CAMP_GROUP, NEW_GROUP],
    grade: GRADES[i % GRADES.length],
  })),
]

export function findPersona(openid: string): Persona | undefined {
  return PERSONAS.find((p) => p.openid === openid)
}
