import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import PhrasesPage from '@/features/review/pages/phrases/index'
import { answerModal, byId, fail, fakeCloud, findById, findToast, modalClosed, ok, typeInto } from '../mall/support'
import { freshSession, teacherMe } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const PHRASES = ['书写工整', '朗读有感情', '继续加油']

describe('常用语 page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should list the saved phrases in order', async () => {
    fakeCloud({ 'identity.me': teacherMe, 'review.listPhrases': ok({ phrases: PHRASES }) })
    render(<PhrasesPage />)

    expect((await findById('phrase-row-0')).textContent).toContain('书写工整')
    expect(byId('phrase-row-2').textContent).toContain('继续加油')
  })

  it('should add a phrase and show the list as saved', async () => {
    const cloud = fakeCloud({
      'identity.me': teacherMe,
      'review.listPhrases': ok({ phrases: [] }),
      'review.addPhrase': ok({ phrases: ['声音洪亮'] }),
    })
    render(<PhrasesPage />)
    await screen.findByText('还没有常用语，添加后点评时一点即可插入')

    await typeInto('phrase-input', ' 声音洪亮 ')
    fireEvent.click(byId('phrase-add'))

    expect(await screen.findByText('声音洪亮')).toBeTruthy()
    expect(cloud.calls('review.addPhrase')).toEqual([{ action: 'addPhrase', text: '声音洪亮' }])
  })

  it('should move a phrase up by sending the whole new order', async () => {
    const cloud = fakeCloud({
      'identity.me': teacherMe,
      'review.listPhrases': ok({ phrases: PHRASES }),
      'review.reorderPhrases': ok({ phrases: ['朗读有感情', '书写工整', '继续加油'] }),
    })
    render(<PhrasesPage />)

    fireEvent.click(await findById('phrase-up-1'))

    await waitFor(() => expect(byId('phrase-row-0').textContent).toContain('朗读有感情'))
    expect(cloud.calls('review.reorderPhrases')).toEqual([{ action: 'reorderPhrases', phrases: ['朗读有感情', '书写工整', '继续加油'] }])
  })

  it('should remove a phrase after confirmation', async () => {
    const cloud = fakeCloud({
      'identity.me': teacherMe,
      'review.listPhrases': ok({ phrases: PHRASES }),
      'review.removePhrase': ok({ phrases: ['书写工整', '继续加油'] }),
    })
    render(<PhrasesPage />)

    fireEvent.click(await findById('phrase-remove-1'))
    await answerModal('确定删除「朗读有感情」吗？', true)

    await waitFor(() => expect(screen.queryByText('朗读有感情')).toBeNull())
    expect(cloud.calls('review.removePhrase')).toEqual([{ action: 'removePhrase', text: '朗读有感情' }])
  })

  it('should show the Chinese message when a phrase is refused', async () => {
    fakeCloud({
      'identity.me': teacherMe,
      'review.listPhrases': ok({ phrases: PHRASES }),
      'review.addPhrase': fail('REVIEW.PHRASE_DUPLICATE', '这条常用语已经保存过了'),
    })
    render(<PhrasesPage />)
    await findById('phrase-row-0')

    await typeInto('phrase-input', '书写工整')
    fireEvent.click(byId('phrase-add'))

    await findToast('这条常用语已经保存过了')
  })
})
