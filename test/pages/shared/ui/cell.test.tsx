import { fireEvent, render, screen } from '@testing-library/react'
import Cell from '@/shared/ui/cell'

describe('Cell (H5)', () => {
  it('should render title, label and value', () => {
    render(<Cell title='积分' label='本月获得' value='120' />)

    expect(screen.getByText('积分')).toBeTruthy()
    expect(screen.getByText('本月获得')).toBeTruthy()
    expect(screen.getByText('120')).toBeTruthy()
  })

  it('should show an arrow only when it is a link', () => {
    const { container, rerender } = render(<Cell title='积分' />)
    expect(container.querySelector('.ui-cell__arrow')).toBeNull()

    rerender(<Cell title='积分' isLink />)

    expect(container.querySelector('.ui-cell__arrow')).not.toBeNull()
  })

  it('should call onClick when tapped', () => {
    const onClick = jest.fn()
    render(<Cell title='积分' isLink onClick={onClick} />)

    fireEvent.click(screen.getByText('积分'))

    expect(onClick).toHaveBeenCalledTimes(1)
  })
})
