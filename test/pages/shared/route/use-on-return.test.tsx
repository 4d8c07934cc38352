import { render } from '@testing-library/react'
import { useOnReturn } from '@/shared/route'

// The page's show handlers as Taro would call them (Taro calls the latest registered handler on each show).
const shows: (() => void)[] = []
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual('@tarojs/taro'),
  useDidShow: (fn: () => void) => shows.push(fn),
}))

function Page({ onReturn }: { onReturn: () => void }) {
  useOnReturn(onReturn)
  return null
}

const showPage = () => shows[shows.length - 1]()

describe('useOnReturn', () => {
  beforeEach(() => {
    shows.length = 0
  })

  it('should not run on the first show (the mount loads the page)', () => {
    const onReturn = jest.fn()
    render(<Page onReturn={onReturn} />)

    showPage()

    expect(onReturn).not.toHaveBeenCalled()
  })

  it('should run each time the page is shown again, with the latest callback', () => {
    const first = jest.fn()
    const latest = jest.fn()
    const { rerender } = render(<Page onReturn={first} />)
    showPage()

    rerender(<Page onReturn={latest} />)
    showPage()
    showPage()

    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledTimes(2)
  })
})
