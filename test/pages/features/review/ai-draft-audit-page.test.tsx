/**
 * The audit of AI drafts on staff pages: a past review that started from a draft carries 「AI 草稿」 with how much the
 * teacher changed it, and 点评统计 shows each teacher's 草稿采用率 (the function decides both; members never get them).
 */
import { render, screen } from '@testing-library/react'
import ReviewPage from '@/features/review/pages/review/index'
import ReviewStatsPage from '@/features/review/pages/stats/index'
import { fakeCloud, findById, modalClosed, ok, setRouteParams } from '../mall/support'
import { adminMe, checkinIdOf, freshSession, openView, reviewView, statsView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const M1 = checkinIdOf('m1')
const byOther = (overrides: Parameters<typeof reviewView>[0] = {}) =>
  openView('m1', { review: reviewView({ reviewer: { id: 'oT2', name: '李老师' }, editable: false, ...overrides }) })

function opening(view: ReturnType<typeof openView>) {
  return fakeCloud({
    'identity.me': teacherMe,
    'review.listPhrases': ok({ phrases: [] }),
    'review.open': ok(view),
  })
}

describe('AI draft audit on staff pages', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'reviewed', day: 'today' })
    await modalClosed()
  })

  it('should tag a past review that started from an AI draft with how much it was changed', async () => {
    opening(byOther({ aiDraft: { editedChars: 2, label: '改动 2 字' } }))
    render(<ReviewPage />)

    expect(await screen.findByText('李老师的点评')).toBeTruthy()
    expect((await findById('review-ai-draft')).textContent).toBe('AI 草稿 · 改动 2 字')
  })

  it('should show no tag on a hand-written review', async () => {
    opening(byOther())
    render(<ReviewPage />)

    expect(await screen.findByText('李老师的点评')).toBeTruthy()
    expect(document.getElementById('review-ai-draft')).toBeNull()
  })

  it('should show the teacher’s 草稿采用率 in 点评统计', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.stats': ok(statsView()) })
    render(<ReviewStatsPage />)

    expect((await findById('stats-drafted-uTeacherHandle01')).textContent).toBe('草稿采用率 25%（3 / 12）')
  })

  it('should show each teacher’s 草稿采用率 to an admin', async () => {
    fakeCloud({
      'identity.me': adminMe,
      'review.stats': ok(statsView({ teacher: { id: 'uAdminHandle001', name: '运营小王' }, draftRateLabel: '草稿采用率 暂无' })),
    })
    render(<ReviewStatsPage />)

    expect((await findById('stats-drafted-uAdminHandle001')).textContent).toBe('草稿采用率 暂无')
  })
})
