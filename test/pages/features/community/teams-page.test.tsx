import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import TeamsPage from '@/features/community/pages/teams/index'
import { answerModal, fakeCloud, fail, findById, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { adminMe, freshSession, memberMe } from '../mall-admin/admin-support'
import { face, overview, row, team } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const xiaoming = face('小明', 1)
const xiaohong = face('小红', 2)

describe('小队管理 page', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ periodId: 'p1' })
    await modalClosed()
  })

  it('should split a period that has no teams by the size the operator chose, after confirming', async () => {
    let split = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'community.teams': () => ok(split ? overview() : overview({ split: null, teams: [] })),
      'community.split': () => ((split = true), ok(overview())),
    })
    render(<TeamsPage />)

    expect(await screen.findByText('本期还没有分队')).toBeTruthy()
    await typeInto('split-value', '2')
    fireEvent.click(await findById('split-submit'))
    await answerModal('每队约 2 人，之后加入的学员自动进入人数最少的小队。', true)

    expect(await screen.findByText('第 1 队（2 人）')).toBeTruthy()
    expect(cloud.calls('community.split')).toEqual([{ action: 'split', periodId: 'p1', split: { mode: 'auto', size: 2 } }])
    expect(screen.queryByText('本期还没有分队')).toBeNull()
  })

  it('should grant 组长 to a member picked from the roster, sending their handle', async () => {
    let granted = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'community.teams': () => ok(overview({ teams: [team(1, { leaders: granted ? [xiaoming] : [] }), team(2)] })),
      'community.roster': () =>
        ok({ team: team(1), members: [row(xiaoming, 1, granted ? { value: 'leader', label: '组长' } : null), row(xiaohong)] }),
      'community.grantRole': () => ((granted = true), ok(row(xiaoming, 1, { value: 'leader', label: '组长' }))),
    })
    render(<TeamsPage />)

    fireEvent.click(await findById('team-1'))
    fireEvent.click(await findById(`grant-leader-${xiaoming.id}`))
    await answerModal('把 小明 设为第 1 队的组长？', true)

    expect(await screen.findByText('组长 小明')).toBeTruthy()
    expect(cloud.calls('community.grantRole')).toEqual([{ action: 'grantRole', periodId: 'p1', member: xiaoming.id, role: 'leader' }])
  })

  it('should show the refusal of a taken seat and change nothing', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'community.teams': ok(overview({ teams: [team(1, { leaders: [xiaohong] })] })),
      'community.roster': ok({ team: team(1), members: [row(xiaoming), row(xiaohong, 1, { value: 'leader', label: '组长' })] }),
      'community.grantRole': fail('TEAM.ROLE_TAKEN', '这个小队的该职务已满'),
    })
    render(<TeamsPage />)

    fireEvent.click(await findById('team-1'))
    fireEvent.click(await findById(`grant-leader-${xiaoming.id}`))
    await answerModal('把 小明 设为第 1 队的组长？', true)

    await waitFor(() => expect(document.querySelector('.taro__toast')?.textContent).toContain('这个小队的该职务已满'))
    expect(cloud.calls('community.grantRole')).toHaveLength(1)
    expect(screen.getByText('组长 小红')).toBeTruthy()
  })

  it('should put an unassigned member picked from the list into the team picked from chips', async () => {
    const xiaogang = face('小刚', 3)
    let placed = false
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'community.teams': ok(overview({ split: { mode: 'manual', size: null } })),
      'community.unassigned': () => ok({ members: placed ? [] : [xiaogang], cursor: null }),
      'community.moveMember': () => ((placed = true), ok(row(xiaogang, 2))),
    })
    render(<TeamsPage />)

    fireEvent.click(await findById('show-unassigned'))
    fireEvent.click(await findById('free-小刚'))
    fireEvent.click(await findById('pick-team-2'))

    expect(await screen.findByText('所有学员都已分队')).toBeTruthy()
    expect(cloud.calls('community.moveMember')).toEqual([{ action: 'moveMember', periodId: 'p1', member: xiaogang.id, teamIndex: 2 }])
  })

  it('should show the error with 重试, and load again on 重试', async () => {
    let attempts = 0
    fakeCloud({
      'identity.me': adminMe,
      'community.teams': () => (++attempts === 1 ? fail('SYS.INTERNAL', '系统繁忙，请稍后再试') : ok(overview())),
    })
    render(<TeamsPage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(await findById('retry'))
    expect(await screen.findByText('第 2 队（2 人）')).toBeTruthy()
  })

  it('should not load teams for a plain member', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe })
    render(<TeamsPage />)

    expect(await screen.findByText('仅运营人员可以使用该功能')).toBeTruthy()
    expect(cloud.calls('community.teams')).toHaveLength(0)
  })
})
