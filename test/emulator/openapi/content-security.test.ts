import { sdkFailure } from '../storage/wx-sdk-harness'
import { callOpenApi, startOpenApiRig, type OpenApiRig } from './open-api-harness'

let rig: OpenApiRig

beforeAll(async () => {
  rig = await startOpenApiRig({ words: { risky: ['违禁词', '赌场'], review: ['待审核词'] } })
})

afterAll(() => rig.close())

beforeEach(async () => {
  await rig.api.deliverPendingMediaChecks()
  rig.delivered.length = 0
})

const msgSecCheck = (content: string) =>
  callOpenApi(rig.cloud, 'security.msgSecCheck', { openid: 'o-user-1', scene: 2, version: 2, content })

const mediaCheck = (mediaUrl: string) =>
  callOpenApi(rig.cloud, 'security.mediaCheckAsync', { mediaUrl, mediaType: 2, version: 2, openid: 'o-user-1', scene: 1 })

describe('security.msgSecCheck v2', () => {
  it('should pass ordinary text', async () => {
    const res = await msgSecCheck('今天完成了第三天的打卡')

    expect(res.result).toEqual({ suggest: 'pass', label: 100 })
    expect(res.errCode).toBe(0)
    expect(res.traceId).toEqual(expect.any(String))
  })

  it('should call text containing a risky word risky and name the word in the keyword detail', async () => {
    const res = await msgSecCheck('这里有违禁词')

    expect(res.result).toMatchObject({ suggest: 'risky' })
    expect(res.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '违禁词' }))
  })

  it('should ask for review when the text contains a review word', async () => {
    const res = await msgSecCheck('一个待审核词')

    expect(res.result).toMatchObject({ suggest: 'review' })
  })

  it('should refuse a v2 check without an openid with 40003', async () => {
    const failure = await sdkFailure(callOpenApi(rig.cloud, 'security.msgSecCheck', { scene: 2, version: 2, content: 'hi' }))

    expect(failure.errCode).toBe(40003)
  })

  it('should refuse an unknown scene with 40097', async () => {
    const failure = await sdkFailure(callOpenApi(rig.cloud, 'security.msgSecCheck', { openid: 'o', scene: 9, version: 2, content: 'hi' }))

    expect(failure.errCode).toBe(40097)
  })

  it('should fail a v1 check of risky text with 87014', async () => {
    const failure = await sdkFailure(callOpenApi(rig.cloud, 'security.msgSecCheck', { content: '赌场开业' }))

    expect(failure.errCode).toBe(87014)
  })
})

describe('security.mediaCheckAsync v2', () => {
  it('should answer a trace id at once and deliver nothing before the check finishes', async () => {
    const res = await mediaCheck('https://example.com/a.png')

    expect(res.traceId).toEqual(expect.any(String))
    expect(rig.api.pendingMediaChecks()).toBe(1)
    expect(rig.delivered).toHaveLength(0)
  })

  it('should deliver the verdict as a wxa_media_check event carrying the same trace id', async () => {
    const { traceId } = await mediaCheck('https://example.com/ok.png')

    await rig.api.deliverPendingMediaChecks()

    expect(rig.delivered).toEqual([
      expect.objectContaining({
        MsgType: 'event',
        Event: 'wxa_media_check',
        FromUserName: 'o-user-1',
        trace_id: traceId,
        version: 2,
        errcode: 0,
        result: { suggest: 'pass', label: 100 },
        detail: [expect.objectContaining({ strategy: 'content_model', suggest: 'pass' })],
      }),
    ])
  })

  it('should deliver each check exactly once', async () => {
    await mediaCheck('https://example.com/once.png')

    const first = await rig.api.deliverPendingMediaChecks()
    const second = await rig.api.deliverPendingMediaChecks()

    expect([first, second]).toEqual([1, 0])
    expect(rig.delivered).toHaveLength(1)
  })

  it.each([
    ['risky', 'https://example.com/risky-photo.png'],
    ['review', 'https://example.com/uploads/review_me.jpg'],
  ])('should judge a media URL containing "%s" accordingly', async (suggest, url) => {
    await mediaCheck(url)

    await rig.api.deliverPendingMediaChecks()

    expect(rig.delivered[0]).toMatchObject({ result: { suggest } })
  })

  it('should deliver due checks when the emulator clock jumps past the delay', async () => {
    const delayed = await startOpenApiRigWithDelay(60_000)
    try {
      await callOpenApi(delayed.cloud, 'security.mediaCheckAsync', { mediaUrl: 'u', mediaType: 2, version: 2, openid: 'o', scene: 1 })
      delayed.clock.advance(60_001)
      await new Promise((resolve) => setImmediate(resolve))

      expect(delayed.delivered).toHaveLength(1)
      expect(delayed.api.pendingMediaChecks()).toBe(0)
    } finally {
      await delayed.close()
      rig.useSdk()
    }
  })

  it('should deliver on its own after a short real-time delay', async () => {
    const delayed = await startOpenApiRigWithDelay(20)
    try {
      await callOpenApi(delayed.cloud, 'security.mediaCheckAsync', { mediaUrl: 'u', mediaType: 1, version: 2, openid: 'o', scene: 1 })
      // Delivered on its own, with no clock move (waited for, bounded, never a fixed sleep).
      for (const deadline = Date.now() + 10_000; delayed.delivered.length === 0 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 5))

      expect(delayed.delivered).toHaveLength(1)
    } finally {
      await delayed.close()
      rig.useSdk()
    }
  })

  it('should still deliver when its timer fires before the clock reaches the due time', async () => {
    // Node's timers run on a monotonic clock and may fire a millisecond early against the wall clock; here the
    // emulator clock is pulled back 30 ms so the 20 ms timer surely fires early: the check must not stay pending.
    const delayed = await startOpenApiRigWithDelay(20)
    try {
      await callOpenApi(delayed.cloud, 'security.mediaCheckAsync', { mediaUrl: 'u', mediaType: 1, version: 2, openid: 'o', scene: 1 })
      delayed.clock.advance(-30)
      for (const deadline = Date.now() + 10_000; delayed.delivered.length === 0 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 5))

      expect(delayed.delivered).toHaveLength(1)
    } finally {
      await delayed.close()
      rig.useSdk()
    }
  })

  it('should refuse a media type other than audio or image with 40097', async () => {
    const failure = await sdkFailure(
      callOpenApi(rig.cloud, 'security.mediaCheckAsync', { mediaUrl: 'u', mediaType: 3, version: 2, openid: 'o', scene: 1 }),
    )

    expect(failure.errCode).toBe(40097)
  })
})

function startOpenApiRigWithDelay(mediaDelayMs: number): Promise<OpenApiRig> {
  return startOpenApiRig({ mediaDelayMs })
}

describe('security.mediaCheckAsync judges the bytes it downloads', () => {
  // WeChat fetches media_url and checks the content; a file's name says nothing about what is in it.
  it('should judge the bytes behind the URL when it asks for the check, not the name or later bytes', async () => {
    const bytes = new Map([['https://files.local/photo.png', Buffer.from('a risky picture')]])
    const byContent = await startOpenApiRig({ readMedia: async (url) => bytes.get(url) })
    try {
      const { traceId } = await callOpenApi(byContent.cloud, 'security.mediaCheckAsync', {
        mediaUrl: 'https://files.local/photo.png',
        mediaType: 2,
        version: 2,
        openid: 'o-user-1',
        scene: 1,
      })
      bytes.set('https://files.local/photo.png', Buffer.from('a clean picture'))
      await byContent.api.deliverPendingMediaChecks()
      expect(byContent.delivered).toEqual([expect.objectContaining({ trace_id: traceId, result: { suggest: 'risky', label: 20002 } })])
    } finally {
      await byContent.close()
    }
  })
})
