import { render } from '@testing-library/react'
import { useOnReturn } from '@/shared/route'

// The page's show / hide handlers as Taro would call them (Taro calls the latest registered handler on each event).
const shows: (() => void)[] = []
const hides: (() => void)[] = []
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual('@tarojs/taro'),
  useDidShow: (fn: () => void) => shows.push(fn),
  useDidHide: (fn: () => void) => hides.push(fn),
}))

function Page({ onReturn }: { onReturn: () => void }) {
  useOnReturn(onReturn)
  return null
}

const showPage = () => shows[shows.length - 1]()
const hidePage = () => hides[hides.length - 1]()

describe('useOnReturn', () => {
  beforeEach(() => {
    shows.length = 0
    hides.length = 0
  })

  it('should not run on the first show (the mount loads the page)', () => {
    const onReturn = jest.fn()
    render(<Page onReturn={onReturn} />)

    showPage()

    expect(onReturn).not.toHaveBeenCalled()
  })

  it('should run on the first return of a list that mounted after the page’s first show (inside a gate)', () => {
    const onReturn = jest.fn()
    render(<Page onReturn={onReturn} />)

    hidePage()
    showPage()

    expect(onReturn).toHaveBeenCalledTimes(1)
  })

  it('should run each time the page is shown again, with the latest callback', () => {
    const first = jest.fn()
    const latest = jest.fn()
    const { rerender } = render(<Page onReturn={first} />)
    showPage()

    rerender(<Page onReturn={latest} />)
    hidePage()
    showPage()
    hidePage()
    showPage()
    showPage()

    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledTimes(2)
  })
})
