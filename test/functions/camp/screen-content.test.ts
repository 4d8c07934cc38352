/**
 * The text check and the media checks of a submission run at once. The fake WeChat below answers msgSecCheck only
 * after a mediaCheckAsync has arrived: code that waited for the text verdict before starting the media checks would
 * never finish.
 */
import { screenContent } from '@cloud/services/camp/wechat'

let mockMediaArrived: () => void = () => undefined
let mockTextSuggest = 'pass'

jest.mock('@cloud/shared/cloud', () => {
  const actual = jest.requireActual('@cloud/shared/cloud')
  const openapi = {
    security: {
      msgSecCheck: () => new Promise((resolve) => (mockMediaArrived = () => resolve({ result: { suggest: mockTextSuggest } }))),
      mediaCheckAsync: async () => {
        mockMediaArrived()
        return { traceId: 'trace-1' }
      },
    },
  }
  const getTempFileURL = async ({ fileList }: { fileList: string[] }) => ({
    fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp/${fileID}`, status: 0 })),
  })
  // Services reach the open API through shared/cloud's typed `openapi()` (and temp links through `sdk()`).
  return { ...actual, sdk: () => ({ openapi, getTempFileURL }), openapi: () => openapi }
})

const photo = [{ fileId: 'cloud://env.x/checkins/a.jpg', kind: 'image' as const }]

describe('screenContent', () => {
  it('should start the media checks without waiting for the text verdict', async () => {
    mockTextSuggest = 'review'
    await expect(screenContent('m1', '今天的打卡', photo)).resolves.toEqual({
      textVerdict: 'review',
      traces: new Map([['cloud://env.x/checkins/a.jpg', 'trace-1']]),
    })
  }, 2_000)

  it('should refuse risky text even though its media checks already started', async () => {
    mockTextSuggest = 'risky'
    await expect(screenContent('m1', '违禁内容', photo)).resolves.toBe('risky')
  }, 2_000)
})
