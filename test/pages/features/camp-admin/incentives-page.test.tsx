import { fireEvent, render, screen } from '@testing-library/react'
import type { IncentivesView } from '@cloud/contracts/community'
import IncentivesPage from '@/features/camp-admin/pages/incentives/index'
import { refreshMe } from '@/shared/session'
import { byId, deferred, fail, fakeCloud, findById, findToast, ok, setRouteParams } from '../mall/support'
import { adminMe, memberMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const LIMITS = { maxTiers: 5, minFromDays: 2, maxMultiplier: 3, maxBadgePoints: 1000 }

function view(overrides: Partial<IncentivesView> = {}): IncentivesView {
  return {
    periodId: 'p1',
    periodTitle: '第 3 期 · 14 天',
    lengthDays: 14,
    perCheckin: 10,
    editable: true,
    tiers: [{ fromDays: 7, multiplier: 1.2, label: '连续 7 天 ×1.2' }],
    badges: [
      { value: 'streak_7', label: '坚持 7 天', points: 0 },
      { value: 'streak_14', label: '坚持 14 天', points: 20 },
      { value: 'perfect_week', label: '完美一周', points: 0 },
      { value: 'first_featured', label: '首次精选', points: 0 },
    ],
    limits: LIMITS,
    ...overrides,
  }
}

/** The H5 selector picker is a scroll wheel; tests pick an option through its change event as a tap on 确定 would. */
function pick(id: string, index: number) {
  const picker = document.getElementById(id)
  if (!picker) throw new Error(`#${id} not found`)
  picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
}

describe('激励设置 page', () => {
  beforeEach(() => {
    refreshMe()
    setRouteParams({ periodId: 'p1' })
  })

  it('should show 加载中, then the tiers and badge points by label, never an id', async () => {
    const pending = deferred()
    fakeCloud({ 'identity.me': adminMe, 'community.incentives': pending.reply })
    render(<IncentivesPage />)
    expect(await screen.findByText('加载中…')).toBeTruthy()
    pending.release(ok(view()))
    expect((await findById('inc-tier-0')).textContent).toContain('连续 7 天起')
    expect(byId('inc-tier-0').textContent).toContain('×1.2')
    expect(byId('inc-tier-0').textContent).toContain('10 分再加 2 分')
    expect(byId('inc-badge-streak_14').textContent).toContain('坚持 14 天')
    expect(byId('inc-badge-streak_14-points').textContent).toBe('20 分')
    expect(document.body.textContent).not.toMatch(/streak_|first_featured|perfect_week/)
  })

  it('should answer a load error with 重试 and load again', async () => {
    let calls = 0
    fakeCloud({
      'identity.me': adminMe,
      'community.incentives': () => (++calls === 1 ? fail('SYS.INTERNAL', '服务繁忙，请稍后再试') : ok(view())),
    })
    render(<IncentivesPage />)
    fireEvent.click(await findById('retry'))
    expect(await findById('inc-tier-0')).toBeTruthy()
  })

  it('should save the tiers picked and the badge points stepped, and show what was saved', async () => {
    const saved = view({
      tiers: [
        { fromDays: 7, multiplier: 1.2, label: '连续 7 天 ×1.2' },
        { fromDays: 14, multiplier: 1.5, label: '连续 14 天 ×1.5' },
      ],
      badges: view().badges.map((b) => (b.value === 'streak_7' ? { ...b, points: 10 } : b)),
    })
    const cloud = fakeCloud({ 'identity.me': adminMe, 'community.incentives': ok(view()), 'community.setIncentives': ok(saved) })
    render(<IncentivesPage />)
    fireEvent.click(await findById('inc-add-tier'))
    // The new tier starts a week later and 0.3 higher; pick ×1.5 (options start at ×1.1).
    expect(byId('inc-tier-1').textContent).toContain('连续 14 天起')
    pick('inc-tier-1-mult', 4)
    fireEvent.click(byId('inc-badge-streak_7-points-plus'))
    fireEvent.click(byId('inc-badge-streak_7-points-plus'))
    fireEvent.click(byId('inc-save'))
    await findToast('已保存')
    expect(cloud.calls('community.setIncentives')).toEqual([
      {
        action: 'setIncentives',
        periodId: 'p1',
        tiers: [
          { fromDays: 7, multiplier: 1.2 },
          { fromDays: 14, multiplier: 1.5 },
        ],
        badgePoints: { streak_7: 10, streak_14: 20, perfect_week: 0, first_featured: 0 },
      },
    ])
    expect(byId('inc-badge-streak_7-points').textContent).toBe('10 分')
  })

  it('should show the server’s Chinese message when the tiers are refused, and keep the form', async () => {
    const message = '连续打卡加成的天数需递增且不超过本期天数，倍数需递增且在 1 到 3 倍之间'
    fakeCloud({
      'identity.me': adminMe,
      'community.incentives': ok(view()),
      'community.setIncentives': fail('TEAM.TIERS_INVALID', message),
    })
    render(<IncentivesPage />)
    fireEvent.click(await findById('inc-add-tier'))
    // A second tier lower than the first: ×1.1 from day 14 after ×1.2 from day 7.
    pick('inc-tier-1-mult', 0)
    fireEvent.click(byId('inc-save'))
    expect((await findById('inc-error')).textContent).toBe(message)
    expect(byId('inc-tier-1').textContent).toContain('×1.1')
    // Editing again clears the message.
    fireEvent.click(byId('inc-tier-1-remove'))
    expect(document.getElementById('inc-error')).toBeNull()
  })

  it('should be read-only once the period has closed', async () => {
    fakeCloud({ 'identity.me': adminMe, 'community.incentives': ok(view({ editable: false })) })
    render(<IncentivesPage />)
    expect((await findById('inc-readonly')).textContent).toContain('已结营')
    expect(document.getElementById('inc-save')).toBeNull()
    expect(document.getElementById('inc-add-tier')).toBeNull()
  })

  it('should not load anything for a member', async () => {
    const cloud = fakeCloud({ 'identity.me': memberMe, 'community.incentives': ok(view()) })
    render(<IncentivesPage />)
    await screen.findByText('仅运营人员可以使用该功能')
    expect(cloud.calls('community.incentives')).toEqual([])
  })
})
