import type { InviteeView, MineView, PosterView } from '@cloud/contracts/invites'

const rules = { pointsPerInvite: 50, dailyCap: 5, windowHours: 24 }

export function posterView(over: Partial<PosterView> = {}): PosterView {
  return {
    code: 'XMAMA2',
    scene: 'i=XMAMA2',
    qrFileId: 'cloud://local-dev.x/invite-posters/XMAMA2.png',
    qrUrl: 'http://127.0.0.1:1/files/XMAMA2.png',
    nickname: '小明妈妈',
    avatarFileId: '',
    rules,
    ...over,
  }
}

export function invitee(id: string, over: Partial<InviteeView> = {}): InviteeView {
  return {
    invitee: { id, nickname: `好友${id}`, avatarFileId: '' },
    status: 'pending',
    statusLabel: '待完成',
    note: '好友完成首次打卡或报名免费课后发放奖励',
    points: 0,
    claimedAt: Date.parse('2026-03-02T10:00:00+08:00'),
    ...over,
  }
}

export function minePage(items: InviteeView[], nextBefore: MineView['nextBefore'] = null, over: Partial<MineView> = {}): MineView {
  return { code: 'XMAMA2', counts: { invited: 3, qualified: 2, rewarded: 1, points: 50 }, items, nextBefore, rules, ...over }
}
