import { fireEvent, render, screen } from '@testing-library/react'
import Button from '@/shared/ui/button'

describe('Button (H5)', () => {
  it('should render its label', () => {
    render(<Button>提交</Button>)

    expect(screen.getByText('提交')).toBeTruthy()
  })

  it('should call onClick when tapped', () => {
    const onClick = jest.fn()
    render(<Button onClick={onClick}>提交</Button>)

    fireEvent.click(screen.getByText('提交'))

    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('should not call onClick when disabled', () => {
    const onClick = jest.fn()
    render(
      <Button disabled onClick={onClick}>
        提交
      </Button>,
    )

    fireEvent.click(screen.getByText('提交'))

    expect(onClick).not.toHaveBeenCalled()
  })

  it('should show the loading text instead of the label while loading', () => {
    render(
      <Button loading loadingText='提交中'>
        提交
      </Button>,
    )

    expect(screen.getByText('提交中')).toBeTruthy()
    expect(screen.queryByText('提交')).toBeNull()
  })

  it('should not call onClick while loading', () => {
    const onClick = jest.fn()
    render(
      <Button loading loadingText='提交中' onClick={onClick}>
        提交
      </Button>,
    )

    fireEvent.click(screen.getByText('提交中'))

    expect(onClick).not.toHaveBeenCalled()
  })
})
