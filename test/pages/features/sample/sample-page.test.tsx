import { fireEvent, render, screen } from '@testing-library/react'
import SamplePage from '@/features/sample/pages/index/index'
import { transport } from '@/shared/cloud/call'

// Only the platform edge is replaced: callCloud, the api module and the page run for real.
jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
const mockTransport = jest.mocked(transport)

const hello = { code: 0, data: { openid: 'o1', businessDay: '2026-11-23', visits: 3 } }

/** A transport answer the test releases when it wants to look at the loading state. */
function pendingAnswer() {
  let release: (value: unknown) => void = () => undefined
  mockTransport.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
  return (value: unknown) => release(value)
}

describe('sample page (H5)', () => {
  beforeEach(() => mockTransport.mockReset())

  it('should show the loading state until the call answers', async () => {
    const answer = pendingAnswer()
    render(<SamplePage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    answer(hello)
    await screen.findByText('身份：o1')
    expect(screen.queryByText('加载中…')).toBeNull()
  })

  it('should call the sample function with the hello action', async () => {
    mockTransport.mockResolvedValue(hello)
    render(<SamplePage />)

    await screen.findByText('身份：o1')

    expect(mockTransport).toHaveBeenCalledWith('sample', { action: 'hello' })
  })

  it('should show identity, business day and visit count from the answer', async () => {
    mockTransport.mockResolvedValue(hello)
    render(<SamplePage />)

    await screen.findByText('身份：o1')

    expect(screen.getByText('业务日：2026-11-23')).toBeTruthy()
    expect(screen.getByText('第 3 次访问')).toBeTruthy()
  })

  it('should show the function error message and a retry button when the call fails', async () => {
    mockTransport.mockResolvedValue({ code: 'SAMPLE.UNAVAILABLE', message: '服务暂时不可用' })
    render(<SamplePage />)

    await screen.findByText('服务暂时不可用')

    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('should show the network message when the transport throws', async () => {
    mockTransport.mockRejectedValue(new Error('request:fail'))
    render(<SamplePage />)

    expect(await screen.findByText('网络开小差了，请稍后重试')).toBeTruthy()
  })

  it('should load again and show the data when 重试 is tapped', async () => {
    mockTransport.mockResolvedValueOnce({ code: 'SAMPLE.UNAVAILABLE', message: '服务暂时不可用' }).mockResolvedValueOnce(hello)
    render(<SamplePage />)

    fireEvent.click(await screen.findByText('重试'))

    await screen.findByText('身份：o1')
    expect(mockTransport).toHaveBeenCalledTimes(2)
  })

  it('should call again when 再来一次 is tapped', async () => {
    mockTransport.mockResolvedValue(hello)
    render(<SamplePage />)
    await screen.findByText('身份：o1')

    fireEvent.click(screen.getByText('再来一次'))

    await screen.findByText('身份：o1')
    expect(mockTransport).toHaveBeenCalledTimes(2)
  })

  it('should show 请求中 on the button and ignore taps while a call is running', async () => {
    const answer = pendingAnswer()
    render(<SamplePage />)

    fireEvent.click(screen.getByText('请求中'))

    expect(mockTransport).toHaveBeenCalledTimes(1)
    answer(hello)
    await screen.findByText('再来一次')
  })
})
