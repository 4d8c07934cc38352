/**
 * Photos to the model (issue #17 item 1): a model that reads images (CloudBase 多模态理解, e.g. glm-5v-turbo) gets the
 * submission's sealed photos as temporary links in `image_url` blocks; a text model gets the text alone; when storage
 * cannot give the links the draft is written from the text. The drafts service runs in this process (CAMP_AI_MODEL).
 */
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { draftFor } from '../../../cloudfunctions/src/services/review/drafts'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { checkin, joined, upload } from '../camp/support'
import { at, LI, periodWithSubmissions, today } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(async () => {
  await at(h, '2026-03-05 10:00')
  h.emu.faults.clear()
  delete process.env.CAMP_AI_MODEL
})
afterEach(() => {
  delete process.env.CAMP_AI_MODEL
})

const LOOKED = /照片也仔细看了|图片里的细节也看到了/

/** A check-in with two photos by `member` in a fresh period. */
async function photoCheckin(member: string): Promise<string> {
  const { period } = await periodWithSubmissions(h, [`${member}-text`])
  await joined(h, period, [member])
  const images = [await upload(h, member, period._id, 'a.jpg'), await upload(h, member, period._id, 'b.jpg')]
  const res = await checkin(h, period._id, member, { text: `${member} 的手抄报`, images })
  if (res.code !== 0) throw new Error(JSON.stringify(res))
  return checkinId(period._id, today(h), member)
}
const draftText = async (id: string) => {
  const d = await draftFor(LI, id, h.emu.clock.now())
  if (!('state' in d) || d.state !== 'draft') throw new Error(`no draft: ${JSON.stringify(d)}`)
  return d.text
}

describe('AI drafts with photos', () => {
  it('should show a model that reads images the sealed photos by temporary link', async () => {
    const id = await photoCheckin('ph-vision')
    process.env.CAMP_AI_MODEL = 'cloudbase/glm-5v-turbo'
    h.emu.requests.reset()
    h.emu.requests.counting = true
    expect(await draftText(id)).toMatch(LOOKED)
    h.emu.requests.counting = false
    // One request for both links (the emulator refuses a cloud:// fileID as an image: only links reach the model).
    expect(h.emu.requests.byAction()['storage.batchGetDownloadUrl']).toBe(1)
  })

  it('should send a text model the text alone', async () => {
    const id = await photoCheckin('ph-text-model')
    process.env.CAMP_AI_MODEL = 'hunyuan-exp/hunyuan-turbos-latest'
    h.emu.requests.reset()
    h.emu.requests.counting = true
    // The emulator refuses images to a text model: a draft means none were sent.
    expect(await draftText(id)).not.toMatch(LOOKED)
    h.emu.requests.counting = false
    expect(h.emu.requests.byAction()['storage.batchGetDownloadUrl']).toBeUndefined()
  })

  it('should write the draft from the text when storage cannot give the links', async () => {
    const id = await photoCheckin('ph-no-links')
    process.env.CAMP_AI_MODEL = 'cloudbase/qwen3.5-plus'
    h.emu.faults.failNext({ action: 'storage.batchGetDownloadUrl' })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await draftText(id)).not.toMatch(LOOKED)
    } finally {
      spy.mockRestore()
    }
    const [doc] = (await h.emu.db.find('review_drafts', { checkinId: id })) as { status: string }[]
    expect(doc.status).toBe('ready')
  })
})
