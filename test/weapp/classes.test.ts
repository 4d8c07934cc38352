/**
 * A member signs up for a free class in the production weapp build with WeChat's phone-number button: the button's
 * event carries a CloudID (issued to this member, resolved by the emulator inside the `classes` function), so the
 * stored signup has the member's real number; a refusal on WeChat's sheet sends nothing.
 */
import { weappFixture } from '../support/weapp/phone'
import { change, pressPhoneButton, tap, waitFor, waitForElement, waitForText } from '../support/weapp/ui'

const MEMBER = 'dev-member-11'
const fx = weappFixture()

jest.setTimeout(120_000)

it('should sign a member up with the phone-number button, and send nothing when the member refuses', async () => {
  const { emu } = fx
  const [cls] = (await emu.db.find('classes', { title: '小学数学一对一诊断课' })) as { _id: string }[]
  const sessions = (await emu.db.find('class_sessions', { classId: cls._id })) as { _id: string; startAt: number }[]
  const first = sessions.sort((a, b) => a.startAt - b.startAt)[0]
  expect(await emu.db.count('class_signups', { _id: `${cls._id}:${MEMBER}` })).toBe(0)

  const { device, app } = fx.phone(MEMBER)
  const detail = app.open(`features/classes/pages/detail/index?classId=${cls._id}`)
  await waitForElement(detail, `session-${first._id}`)
  tap(detail, `session-${first._id}`)
  await waitForElement(detail, 'grade-picker')
  change(detail, 'grade-picker', { value: '2' })
  await waitForElement(detail, 'signup-phone')

  const callsBefore = device.calls.length
  pressPhoneButton(device, detail, 'signup-phone', false)
  await new Promise((r) => setTimeout(r, 200))
  expect(device.calls.slice(callsBefore).filter((c) => c.action === 'signUp')).toEqual([])

  pressPhoneButton(device, detail, 'signup-phone')
  await waitFor(
    () => device.calls.some((c) => c.name === 'classes' && c.code === 0 && c.action === 'signUp'),
    'the signup is accepted',
    20_000,
  )
  const [signup] = (await emu.db.find('class_signups', { _id: `${cls._id}:${MEMBER}` })) as { status: string; phone: string }[]
  expect(signup).toMatchObject({ status: 'confirmed', phone: device.persona.phoneNumber })

  const mine = app.open('features/classes/pages/mine/index')
  await waitForText(mine, '小学数学一对一诊断课')
})
