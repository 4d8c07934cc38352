import type { MemberPick } from '@cloud/contracts/identity'
import { ok } from '../mall/support'

/** What identity.searchMembers answers: names and handles (public ids), never openids. */
export const LELE: MemberPick = {
  handle: 'uLeLeMaMa00000010',
  nickname: '乐乐妈妈',
  avatarFileId: '',
  roles: [{ value: 'member', label: '学员' }],
  phoneTail: null,
}
export const DOUDOU: MemberPick = {
  handle: 'uDouDouBaBa000020',
  nickname: '豆豆爸爸',
  avatarFileId: '',
  roles: [{ value: 'member', label: '学员' }],
  phoneTail: '8123',
}
export const found = (...items: MemberPick[]) => ok({ items })
