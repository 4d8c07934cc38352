import type { RequestContext } from '../../../emulator/core/router'
import { sdkFailure } from '../storage/wx-sdk-harness'
import { callOpenApi, startOpenApiRig, type OpenApiRig } from './open-api-harness'

let rig: OpenApiRig

beforeAll(async () => {
  rig = await startOpenApiRig()
})

afterAll(() => rig.close())

beforeEach(() => {
  rig.allow.check = () => true
})

const check = () => callOpenApi(rig.cloud, 'security.msgSecCheck', { openid: 'o', scene: 1, version: 2, content: 'hi' })

/** Posts a hand-made multipart body to the SDK endpoint, as a broken client would. */
async function postMultipart(body: string, boundary = 'XBOUNDARY'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${rig.server.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

const part = (name: string, value: string, filename?: string) =>
  `--XBOUNDARY\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`

describe('open API dispatch', () => {
  it('should refuse an API the calling function is not allowed to use with -604101', async () => {
    rig.allow.check = (_ctx, api) => api !== 'security.msgSecCheck'

    const failure = await sdkFailure(check())

    expect(failure.errCode).toBe(-604101)
  })

  it('should ask the whitelist with the API name as config.json lists it and the request context', async () => {
    const asked: [RequestContext, string][] = []
    rig.allow.check = (ctx, api) => {
      asked.push([ctx, api])
      return true
    }

    await check()

    expect(asked).toHaveLength(1)
    expect(asked[0][1]).toBe('security.msgSecCheck')
    expect(asked[0][0].headers['user-agent']).toContain('tcb-node-sdk')
  })

  it('should answer an unknown API with -604100', async () => {
    const failure = await sdkFailure(callOpenApi(rig.cloud, 'wxacode.noSuchThing', { a: 1 }))

    expect(failure.errCode).toBe(-604100)
  })

  it('should answer a requestData that is not protobuf with a CloudBase INVALID_PARAM error', async () => {
    const res = await postMultipart(
      part('action', 'wx.openApi') +
        part('apiName', 'security.msgSecCheck') +
        part('requestData', '\xff\xff\xff\xff', 'blob') +
        '--XBOUNDARY--\r\n',
    )

    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('CommApiData') })
  })

  it('should answer a request without requestData with a CloudBase INVALID_PARAM error', async () => {
    const res = await postMultipart(part('action', 'wx.openApi') + part('apiName', 'security.msgSecCheck') + '--XBOUNDARY--\r\n')

    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('should answer a truncated multipart body with a CloudBase-shaped error and keep serving', async () => {
    const res = await postMultipart(`--XBOUNDARY\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.open`)

    expect(res.json).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) }),
    )
    expect((await check()).errCode).toBe(0)
  })
})
