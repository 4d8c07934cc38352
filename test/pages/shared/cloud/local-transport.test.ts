import { callAction } from '@/shared/cloud'
import { setPersona } from '@/shared/cloud/persona'

// H5 local mode talks to the emulator with fetch: fetch is the only thing replaced here.
// jsdom has no fetch/Response: a stand-in with the three members the transport reads.
type FakeResponse = Pick<Response, 'ok' | 'status' | 'json'>
const fetchMock = jest.fn<Promise<FakeResponse>, [string, RequestInit]>()
const answer = (status: number, body: unknown): Promise<FakeResponse> =>
  Promise.resolve({ ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) })

describe('local transport (H5)', () => {
  beforeEach(() => {
    fetchMock.mockReset()
    globalThis.fetch = fetchMock as unknown as typeof fetch
    localStorage.clear()
  })

  it('should POST the request to the emulator endpoint of the function', async () => {
    fetchMock.mockReturnValue(answer(200, { code: 0, data: 1 }))

    await callAction('points', 'balance')

    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/__local/functions/points')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ action: 'balance' })
  })

  it('should send the chosen dev persona as the caller identity', async () => {
    fetchMock.mockReturnValue(answer(200, { code: 0, data: 1 }))
    setPersona('dev-teacher-01')

    await callAction('points', 'balance')

    expect(fetchMock.mock.calls[0][1].headers).toMatchObject({ 'x-dev-openid': 'dev-teacher-01' })
  })

  it('should return the envelope from the response body', async () => {
    fetchMock.mockReturnValue(answer(200, { code: 0, data: { visits: 2 } }))

    await expect(callAction('points', 'balance')).resolves.toEqual({ code: 0, data: { visits: 2 } })
  })

  it('should report an HTTP failure as CLIENT.NETWORK', async () => {
    fetchMock.mockReturnValue(answer(502, { error: 'bad gateway' }))

    await expect(callAction('points', 'balance')).resolves.toMatchObject({ code: 'CLIENT.NETWORK' })
  })
})
