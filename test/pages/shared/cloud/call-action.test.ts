import { callAction } from '@/shared/cloud'
import { transport } from '@/shared/cloud/call'

// The transport is the platform edge (fetch in H5, wx.cloud in weapp); callAction's own rules run for real.
jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))
const mockTransport = jest.mocked(transport)

describe('callAction', () => {
  beforeEach(() => mockTransport.mockReset())

  it('should send the action and payload to the named function', async () => {
    mockTransport.mockResolvedValue({ code: 0, data: null })

    await callAction('mall', 'getItem', { itemId: 'i1' })

    expect(mockTransport).toHaveBeenCalledWith('mall', { itemId: 'i1', action: 'getItem' })
  })

  it('should return the envelope the function answered', async () => {
    mockTransport.mockResolvedValue({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })

    await expect(callAction('points', 'balance')).resolves.toEqual({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })
  })

  it('should turn a thrown transport error into CLIENT.NETWORK with a Chinese message', async () => {
    mockTransport.mockRejectedValue(new Error('request:fail timeout'))

    await expect(callAction('points', 'balance')).resolves.toEqual({ code: 'CLIENT.NETWORK', message: '网络开小差了，请稍后重试' })
  })

  it('should treat an answer that is not an envelope as CLIENT.NETWORK', async () => {
    mockTransport.mockResolvedValue(undefined)

    await expect(callAction('points', 'balance')).resolves.toMatchObject({ code: 'CLIENT.NETWORK' })
  })
})

// Types only: a wrong payload or a hand-picked answer type does not compile.
export function typeChecks(): void {
  // @ts-expect-error itemId is required by the getItem schema
  void callAction('mall', 'getItem', {})
  // @ts-expect-error unknown fields are refused by the strict schema
  void callAction('mall', 'getItem', { itemId: 'i1', openid: 'o' })
  // @ts-expect-error no such action
  void callAction('mall', 'nope')
  void callAction('points', 'balance').then((res) => {
    // @ts-expect-error the answer is the action's view (BalanceView), not whatever a caller names
    if (res.code === 0) res.data.items.push()
  })
}
