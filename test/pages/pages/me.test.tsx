import { render, screen } from '@testing-library/react'
import Me from '@/pages/me/index'

describe('me page (H5)', () => {
  it('should invite the visitor to log in', () => {
    render(<Me />)

    expect(screen.getByText('登录后可查看我的打卡、积分与兑换记录')).toBeTruthy()
  })
})
