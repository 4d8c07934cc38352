import { fireEvent, render, screen } from '@testing-library/react'
import LoadError from '@/shared/ui/load-error'

describe('LoadError (H5)', () => {
  it('should show why the page could not load', () => {
    render(<LoadError message='网络不给力，请稍后再试' onRetry={jest.fn()} />)

    expect(screen.getByText('网络不给力，请稍后再试')).toBeTruthy()
  })

  it('should retry when 重试 is tapped', () => {
    const onRetry = jest.fn()
    render(<LoadError message='加载失败' onRetry={onRetry} />)

    fireEvent.click(screen.getByText('重试'))

    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})
