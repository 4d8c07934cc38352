import { act, render } from '@testing-library/react'
import { useState } from 'react'
import { routeParam, useRouteParam } from '@/shared/route'
import { setRouteParams } from '../../features/mall/support'

/**
 * A page re-rendered while another page is on top (a request answering after the member opened the next page) must
 * keep its own parameters: routeParam reads the current page's router, useRouteParam the one it mounted with.
 */
let rerender: () => void = () => undefined

function Page({ seen }: { seen: string[] }) {
  const campId = useRouteParam('campId')
  const [, setTick] = useState(0)
  seen.push(campId)
  rerender = () => setTick((n) => n + 1)
  return null
}

describe('useRouteParam', () => {
  it('should keep the parameter the page mounted with when another page is current', () => {
    setRouteParams({ campId: 'camp%2F1' })
    const seen: string[] = []
    render(<Page seen={seen} />)
    // 加入 opened 今日打卡: the current router is that page's now.
    setRouteParams({ periodId: 'p1' })
    act(() => rerender())
    expect(routeParam('campId')).toBe('')
    expect(seen).toEqual(['camp/1', 'camp/1'])
  })
})
