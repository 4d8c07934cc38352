import { render, screen } from '@testing-library/react'
import Empty from '@/shared/ui/empty'

describe('Empty (H5)', () => {
  it('should render the description', () => {
    render(<Empty description='暂无记录' />)

    expect(screen.getByText('暂无记录')).toBeTruthy()
  })

  it('should render its action under the description', () => {
    const { container } = render(
      <Empty description='暂无记录'>
        <span>去打卡</span>
      </Empty>,
    )

    expect(container.querySelector('.ui-empty__bottom')?.textContent).toBe('去打卡')
  })
})
