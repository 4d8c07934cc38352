import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/home/index'

describe('home page (H5)', () => {
  afterEach(() => jest.restoreAllMocks())

  it('should show the community title', () => {
    render(<Home />)

    expect(screen.getByText('学习社群')).toBeTruthy()
  })

  it('should open the mall when its entry is tapped', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    render(<Home />)

    fireEvent.click(screen.getByText('积分商城'))

    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/mall/pages/index/index' })
  })
})
