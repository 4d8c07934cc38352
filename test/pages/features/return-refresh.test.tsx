/**
 * Lists are fresh when the operator or teacher comes back to them. Each list renders inside a gate (AdminGate,
 * TeacherGate), so it mounts after the page's first show: the first return must reload (shared/route useOnReturn).
 */
import { render, screen, waitFor } from '@testing-library/react'
import ReviewQueuePage from '@/features/review/pages/index/index'
import AdminItemsPage from '@/features/mall-admin/pages/items/index'
import MaterialsAdminPage from '@/features/materials-admin/pages/index/index'
import { fakeCloud, ok } from './mall/support'
import { itemView } from './mall/fixtures'
import { adminMe } from './mall-admin/admin-support'
import { adminView } from './materials/fixtures'
import { freshSession, queueItem, queuePageOf, statsView, teacherMe } from './review/fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

// Taro calls the latest registered show / hide handler of the page (each page here has one useOnReturn); the test
// plays leaving the page and coming back.
const shows: (() => void)[] = []
const hides: (() => void)[] = []
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual('@tarojs/taro'),
  useDidShow: (fn: () => void) => shows.push(fn),
  useDidHide: (fn: () => void) => hides.push(fn),
}))
const leaveAndComeBack = () => {
  hides[hides.length - 1]()
  shows[shows.length - 1]()
}

beforeEach(() => {
  freshSession()
  shows.length = 0
  hides.length = 0
})

describe('lists fresh on return', () => {
  it('should drop a check-in reviewed meanwhile from the review queue on the first return', async () => {
    let reviewed = false
    const cloud = fakeCloud({
      'identity.me': teacherMe,
      'review.stats': ok(statsView()),
      'review.queue': () => ok(queuePageOf(reviewed ? [queueItem('m2')] : [queueItem('m1'), queueItem('m2')])),
    })
    render(<ReviewQueuePage />)
    await screen.findByText('学员m1')

    reviewed = true
    leaveAndComeBack()

    await waitFor(() => expect(screen.queryByText('学员m1')).toBeNull())
    expect(screen.getByText('学员m2')).toBeTruthy()
    expect(cloud.calls('review.queue')).toHaveLength(2)
  })

  it('should reload the mall items admin list on return', async () => {
    let title = '定制笔记本'
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': () => ok({ items: [itemView({ title })], cursor: null }) })
    render(<AdminItemsPage />)
    await screen.findByText('定制笔记本')

    title = '改名后的笔记本'
    leaveAndComeBack()

    expect(await screen.findByText('改名后的笔记本')).toBeTruthy()
  })

  it('should reload the materials admin list on return', async () => {
    let title = '三年级数学思维题库'
    fakeCloud({ 'identity.me': adminMe, 'materials.adminList': () => ok({ items: [adminView({ title })], cursor: null }) })
    render(<MaterialsAdminPage />)
    await screen.findByText('三年级数学思维题库')

    title = '四年级数学思维题库'
    leaveAndComeBack()

    expect(await screen.findByText('四年级数学思维题库')).toBeTruthy()
  })
})
