/**
 * Files in the production weapp build: a member opens a free PDF material (downloaded over HTTP from the emulator's
 * signed link, opened with openDocument); an admin picks a PDF "from a chat" for a new material and it is uploaded
 * under the admin's materials folder; an operator's CSV export copies the link and explains how to open it; a member
 * entered from the camp group chat sends a group CloudID with today's call; a teacher's review of a voice check-in
 * offers the playback speeds this client supports.
 */
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { CAMP_GROUP } from '../../local/dev/personas'
import { weappFixture } from '../support/weapp/phone'
import { silentMp3, sniff } from '../support/weapp/temp-files'
import { element, tap, waitFor, waitForElement } from '../support/weapp/ui'

const fx = weappFixture()
jest.setTimeout(120_000)

it('should open a PDF material with openDocument', async () => {
  const { device, app } = fx.phone('dev-member-06')
  const page = app.open('features/materials/pages/detail/index?materialId=reading-list-g5')
  await waitForElement(page, 'open-0')
  tap(page, 'open-0')
  await waitFor(() => device.documents.length === 1, 'the document opens')
  expect(sniff(device.documents[0].bytes)).toBe('pdf')
  expect(device.documents[0]).toMatchObject({ fileType: 'pdf', showMenu: true })
})

it('should upload a file an admin picks from a chat', async () => {
  const { device, app } = fx.phone('dev-admin')
  const page = app.open('features/materials-admin/pages/form/index')
  await waitForElement(page, 'add-files')
  tap(page, 'add-files')
  await waitForElement(page, 'form-file-0')
  expect(device.uploads).toHaveLength(1)
  expect(device.uploads[0].cloudPath).toMatch(/^materials\//)
  expect(sniff(await fx.emu.storage.get(device.uploads[0].fileID))).toBe('pdf')
  expect(element(page, 'form-file-0')?.textContent).toContain('第一课讲义.pdf')
})

it('should copy the export link and explain how to open it', async () => {
  const [period] = (await fx.emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const { device, app } = fx.phone('dev-admin')
  const page = app.open(`features/analytics-admin/pages/export/index?periodId=${period._id}`)
  await waitForElement(page, 'export-csv')
  tap(page, 'export-csv')
  await waitFor(() => device.modals.length === 1, 'the explanation shows', 20_000)
  expect(device.modals[0].title).toBe('下载链接已复制')
  expect(device.clipboard).toMatch(/^http/)
})

it('should send a group CloudID when the member opened the camp from the group chat', async () => {
  const [period] = (await fx.emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const { device, app } = fx.phone('dev-member-07', (d) => d.enterFromGroup(CAMP_GROUP, 'features/camp/pages/today/index'))
  const page = app.open(`features/camp/pages/today/index?periodId=${period._id}`)
  await waitFor(() => device.calls.some((c) => c.action === 'today'), 'today is loaded')
  await waitFor(() => device.inFlight === 0, 'settled')
  expect(device.calls.find((c) => c.action === 'today')?.code).toBe(0)
  expect(page.route).toBe('features/camp/pages/today/index')
})

it('should offer playback speeds for a voice check-in to the teacher', async () => {
  const { emu } = fx
  const [period] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  const member = 'dev-member-08'
  const day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 9 * 3_600_000)
  await emu.runtime.fireDueTriggers()
  const fileId = await emu.storage.put(`checkins/${member}/${period._id}/v.mp3`, silentMp3(5000))
  const res = (await emu.call(
    'camp',
    { action: 'checkin', periodId: period._id, text: 'Listen to me!', images: [], voice: { fileId, durationSec: 5 } },
    member,
  )) as {
    code: unknown
  }
  expect(res.code).toBe(0)
  const checkinId = `checkin:${period._id}:${day}:${member}`
  const { app } = fx.phone('dev-teacher-01')
  const page = app.open(`features/review/pages/review/index?checkinId=${encodeURIComponent(checkinId)}&periodId=${period._id}`)
  await waitForElement(page, 'checkin-voice')
  await waitForElement(page, 'checkin-voice-rate-1.5')
})
