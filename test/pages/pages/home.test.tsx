import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'

describe('home page (H5)', () => {
  afterEach(() => jest.restoreAllMocks())

  it('should show the community title', () => {
    render(<Home />)

    expect(screen.getByText('学习社群')).toBeTruthy()
  })

  it('should show the entry cell of the connectivity check', () => {
    const { container } = render(<Home />)

    const entry = container.querySelector('#entry-sample')
    expect(entry?.textContent).toContain('连通性检查')
    expect(entry?.textContent).toContain('调用云函数，确认身份与业务日')
  })

  it('should open the sample page when the entry is tapped', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    render(<Home />)

    fireEvent.click(screen.getByText('连通性检查'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/sample/pages/index/index' })
  })
})
