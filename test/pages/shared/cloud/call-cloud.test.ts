import { callCloud } from '@/shared/cloud'
import { transport } from '@/shared/cloud/call'

// The transport is the platform edge (fetch in H5, wx.cloud in weapp); callCloud's own rules run for real.
jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
const mockTransport = jest.mocked(transport)

describe('callCloud', () => {
  beforeEach(() => mockTransport.mockReset())

  it('should send the action and payload to the named function', async () => {
    mockTransport.mockResolvedValue({ code: 0, data: null })

    await callCloud('points', 'redeem', { itemId: 'i1' })

    expect(mockTransport).toHaveBeenCalledWith('points', { itemId: 'i1', action: 'redeem' })
  })

  it('should return the envelope the function answered', async () => {
    mockTransport.mockResolvedValue({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })

    await expect(callCloud('points', 'redeem')).resolves.toEqual({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })
  })

  it('should turn a thrown transport error into CLIENT.NETWORK with a Chinese message', async () => {
    mockTransport.mockRejectedValue(new Error('request:fail timeout'))

    await expect(callCloud('sample', 'hello')).resolves.toEqual({ code: 'CLIENT.NETWORK', message: '网络开小差了，请稍后重试' })
  })

  it('should treat an answer that is not an envelope as CLIENT.NETWORK', async () => {
    mockTransport.mockResolvedValue(undefined)

    await expect(callCloud('sample', 'hello')).resolves.toMatchObject({ code: 'CLIENT.NETWORK' })
  })
})
