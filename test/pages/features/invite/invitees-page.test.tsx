import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import InviteesPage from '@/features/invite/pages/invitees/index'
import InviteLeaderboardPage from '@/features/invite/pages/leaderboard/index'
import { byId, fail, fakeCloud, findById, ok } from '../mall/support'
import { invitee, minePage } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('我的邀请 page', () => {
  it('should show the counts and each invitee with its status, points and reason', async () => {
    fakeCloud({
      'invites.mine': ok(
        minePage([
          invitee('a', { status: 'rewarded', statusLabel: '已奖励', points: 50, note: null }),
          invitee('b', { status: 'over_cap', statusLabel: '超出今日上限', note: '好友已完成，但当天奖励已达上限' }),
          invitee('c'),
        ]),
      ),
    })
    render(<InviteesPage />)

    expect(await screen.findByText('好友a')).toBeTruthy()
    expect(byId('invite-counts').textContent).toContain('3已邀请')
    expect(byId('invite-points').textContent).toBe('50')
    expect(byId('invitee-a').textContent).toContain('已奖励 +50')
    expect(byId('invitee-b').textContent).toContain('超出今日上限')
    expect(byId('invitee-b').textContent).toContain('当天奖励已达上限')
    expect(byId('invitee-c').textContent).toContain('待完成')
  })

  it('should load the next page with the last invitee’s time as the cursor', async () => {
    const cloud = fakeCloud({
      'invites.mine': (req: { before?: unknown }) =>
        req.before === undefined ? ok(minePage([invitee('first')], { claimedAt: 1234, skip: 1 })) : ok(minePage([invitee('second')])),
    })
    render(<InviteesPage />)

    await screen.findByText('好友first')
    fireEvent.click(await findById('load-more'))
    expect(await screen.findByText('好友second')).toBeTruthy()
    expect(cloud.calls('invites.mine')).toEqual([
      { action: 'mine', limit: 20 },
      { action: 'mine', limit: 20, before: { claimedAt: 1234, skip: 1 } },
    ])
  })

  it('should invite to share when nobody arrived yet', async () => {
    fakeCloud({ 'invites.mine': ok(minePage([], null, { counts: { invited: 0, qualified: 0, rewarded: 0, points: 0 } })) })
    render(<InviteesPage />)

    expect(await screen.findByText('还没有好友通过你的海报加入')).toBeTruthy()
    expect(byId('go-invite').textContent).toContain('去邀请好友')
  })

  it('should show the error and load again on 重试', async () => {
    let tries = 0
    fakeCloud({ 'invites.mine': () => (++tries === 1 ? fail('CLIENT.NETWORK', '网络不给力') : ok(minePage([invitee('x')]))) })
    render(<InviteesPage />)

    expect(await screen.findByText('网络不给力')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('好友x')).toBeTruthy()
  })
})

describe('邀请排行 page', () => {
  it('should list inviters in rank order with their counts', async () => {
    fakeCloud({
      'invites.leaderboard': ok({
        rows: [
          { rank: 1, inviter: { id: 'p1', nickname: '小明妈妈', avatarFileId: '' }, qualified: 3 },
          { rank: 2, inviter: { id: 'p2', nickname: '乐乐爸爸', avatarFileId: '' }, qualified: 1 },
        ],
        me: { rank: 57, qualified: 1 },
      }),
    })
    render(<InviteLeaderboardPage />)

    await waitFor(() => expect(byId('leader-1').textContent).toContain('小明妈妈3 人'))
    expect(byId('leader-2').textContent).toContain('乐乐爸爸1 人')
    expect(byId('my-rank').textContent).toBe('我的排名：第 57 名 · 1 人')
  })

  it('should tell a member who is not ranked how to get on the board', async () => {
    fakeCloud({
      'invites.leaderboard': ok({
        rows: [{ rank: 1, inviter: { id: 'p1', nickname: '小明妈妈', avatarFileId: '' }, qualified: 3 }],
        me: null,
      }),
    })
    render(<InviteLeaderboardPage />)
    await waitFor(() => expect(byId('my-rank').textContent).toBe('你还没有上榜，邀请好友完成首次打卡就能上榜'))
  })

  it('should say nobody is ranked yet', async () => {
    fakeCloud({ 'invites.leaderboard': ok({ rows: [], me: null }) })
    render(<InviteLeaderboardPage />)
    expect(await screen.findByText('还没有人上榜，邀请好友完成首次打卡就能上榜')).toBeTruthy()
  })
})
