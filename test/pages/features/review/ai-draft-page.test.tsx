import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ReviewPage from '@/features/review/pages/review/index'
import { byId, deferred, fakeCloud, findById, inputOf, modalClosed, ok, setRouteParams, typeInto } from '../mall/support'
import { checkinIdOf, freshSession, openView, reviewView, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const M1 = checkinIdOf('m1')
const DRAFT = '认真读了你的打卡「朗读」，表达清楚，思路有条理。'
const PHRASES = ['书写工整，继续保持！', '朗读很有感情']
const draftReply = ok({ state: 'draft', text: DRAFT, label: 'AI 草稿，可修改后提交', phrases: PHRASES })

function reviewing(routes: Record<string, unknown>) {
  return fakeCloud({
    'identity.me': teacherMe,
    'review.listPhrases': ok({ phrases: PHRASES }),
    'review.open': ok(openView('m1')),
    'review.prefetchDrafts': ok({ items: [] }),
    'review.submitReview': ok(reviewView()),
    'review.next': ok(openView('m2')),
    ...routes,
  })
}

const comment = () => inputOf('review-comment-input').value
const submitted = (cloud: ReturnType<typeof fakeCloud>) => cloud.calls('review.submitReview')

describe('点评 page · AI 草稿', () => {
  beforeEach(async () => {
    freshSession()
    setRouteParams({ checkinId: encodeURIComponent(M1), kind: 'pending', day: 'today' })
    await modalClosed()
  })

  it('should put the draft in the editor with its label, and submit the edited comment as started from the draft', async () => {
    const cloud = reviewing({ 'review.draft': draftReply })
    render(<ReviewPage />)
    await waitFor(() => expect(byId('ai-draft-label').textContent).toBe('AI 草稿，可修改后提交'))
    await waitFor(() => expect(comment()).toBe(DRAFT))
    expect(cloud.calls('review.draft')).toEqual([{ action: 'draft', checkinId: M1 }])

    await typeInto('review-comment-input', `${DRAFT}继续加油！`)
    fireEvent.click(byId('score-4'))
    fireEvent.click(byId('review-submit'))

    expect(await screen.findByText('学员m2')).toBeTruthy()
    expect(submitted(cloud)).toEqual([expect.objectContaining({ comment: `${DRAFT}继续加油！`, score: 4, fromDraft: true })])
  })

  it('should ask the function to prepare the next items after opening one', async () => {
    const cloud = reviewing({ 'review.draft': draftReply })
    render(<ReviewPage />)
    await findById('ai-draft-label')
    await waitFor(() =>
      expect(cloud.calls('review.prefetchDrafts')).toEqual([
        { action: 'prefetchDrafts', kind: 'pending', day: 'today', after: openView('m1').item.cursor, count: 2 },
      ]),
    )
  })

  it('should say why there is no draft and leave the editor to the phrases', async () => {
    const cloud = reviewing({
      'review.draft': ok({ state: 'phrases', reason: 'budget', label: '今日 AI 额度已用完，使用常用语', phrases: PHRASES }),
    })
    render(<ReviewPage />)
    await waitFor(() => expect(byId('ai-draft-label').textContent).toBe('今日 AI 额度已用完，使用常用语'))
    expect(comment()).toBe('')
    fireEvent.click(byId('phrase-1'))
    await waitFor(() => expect(comment()).toBe('朗读很有感情'))
    fireEvent.click(byId('review-submit'))
    await screen.findByText('学员m2')
    expect(submitted(cloud)).toEqual([expect.objectContaining({ comment: '朗读很有感情' })])
    expect(submitted(cloud)[0]).not.toHaveProperty('fromDraft')
  })

  it('should clear the draft on 不用草稿 and submit the hand-written comment without fromDraft', async () => {
    const cloud = reviewing({ 'review.draft': draftReply })
    render(<ReviewPage />)
    await waitFor(() => expect(comment()).toBe(DRAFT))
    fireEvent.click(byId('ai-draft-dismiss'))
    await waitFor(() => expect(comment()).toBe(''))
    expect(byId('ai-draft-label').textContent).toBe('已清空 AI 草稿，使用常用语')
    await typeInto('review-comment-input', '手写的点评')
    fireEvent.click(byId('review-submit'))
    await screen.findByText('学员m2')
    expect(submitted(cloud)).toEqual([expect.objectContaining({ comment: '手写的点评' })])
    expect(submitted(cloud)[0]).not.toHaveProperty('fromDraft')
  })

  it('should not overwrite what the teacher typed before the draft came, but offer it', async () => {
    const late = deferred()
    reviewing({ 'review.draft': late.reply })
    render(<ReviewPage />)
    expect((await findById('ai-draft-label')).textContent).toBe('AI 草稿生成中…')
    await typeInto('review-comment-input', '我先写了')
    late.release(draftReply)
    await findById('ai-draft-accept')
    expect(comment()).toBe('我先写了')
    fireEvent.click(byId('ai-draft-accept'))
    await waitFor(() => expect(comment()).toBe(DRAFT))
    expect(byId('ai-draft-label').textContent).toBe('AI 草稿，可修改后提交')
  })
})
