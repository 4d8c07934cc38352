import type { RequestContext } from '../../../emulator/core/router'
import { startOpenApiRig, type OpenApiRig } from './open-api-harness'

let rig: OpenApiRig
/** Plays the functions runtime telling the open API which user the calling invocation serves. */
let callerOpenid: string | undefined

beforeAll(async () => {
  rig = await startOpenApiRig({ callerOf: (_ctx: RequestContext) => ({ openid: callerOpenid }) })
})

afterAll(() => rig.close())

beforeEach(() => {
  callerOpenid = undefined
})

const PHONE = { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' }

describe('CloudID in a function event', () => {
  it('should replace a top-level CloudID with the open data it stands for', async () => {
    const id = rig.api.issueCloudId('o-alice', 'phoneNumber', PHONE)

    const event = await rig.api.resolveEvent({ phone: { cloudID: id }, campId: 'c1' }, { openid: 'o-alice' })

    expect(event).toEqual({ phone: { cloudID: id, data: PHONE }, campId: 'c1' })
  })

  it('should refuse a CloudID issued to another user with -601007', async () => {
    const id = rig.api.issueCloudId('o-alice', 'phoneNumber', PHONE)

    const event = (await rig.api.resolveEvent({ phone: { cloudID: id } }, { openid: 'o-mallory' })) as Record<string, unknown>

    expect(event.phone).toEqual({ cloudID: id, errCode: -601007, errMsg: 'cloudID and calling user does not match' })
  })

  it('should refuse a CloudID older than five minutes with -601006', async () => {
    const id = rig.api.issueCloudId('o-alice', 'groupEnterInfo', { opengid: 'G1' })
    rig.clock.advance(5 * 60 * 1000 + 1)

    const event = (await rig.api.resolveEvent({ group: { cloudID: id } }, { openid: 'o-alice' })) as Record<string, unknown>

    expect(event.group).toMatchObject({ cloudID: id, errCode: -601006 })
  })

  it('should refuse an id it never issued with -601005', async () => {
    const event = (await rig.api.resolveEvent({ phone: { cloudID: 'forged' } }, { openid: 'o-alice' })) as Record<string, unknown>

    expect(event.phone).toMatchObject({ cloudID: 'forged', errCode: -601005 })
  })

  it('should leave nested CloudIDs untouched, as the cloud only resolves top-level fields', async () => {
    const id = rig.api.issueCloudId('o-alice', 'phoneNumber', PHONE)

    const event = await rig.api.resolveEvent({ form: { phone: { cloudID: id } } }, { openid: 'o-alice' })

    expect(event).toEqual({ form: { phone: { cloudID: id } } })
  })
})

describe('cloud.getOpenData', () => {
  it('should answer the open data of each CloudID in order', async () => {
    const phone = rig.api.issueCloudId('o-bob', 'phoneNumber', PHONE)
    const group = rig.api.issueCloudId('o-bob', 'groupEnterInfo', { opengid: 'G7' })
    callerOpenid = 'o-bob'

    const res = await rig.cloud.getOpenData({ list: [phone, group] })

    expect(res.list).toEqual([
      { cloudID: phone, data: PHONE },
      { cloudID: group, data: { opengid: 'G7' } },
    ])
  })

  it('should answer the refusal for a CloudID of another user', async () => {
    const id = rig.api.issueCloudId('o-bob', 'phoneNumber', PHONE)
    callerOpenid = 'o-eve'

    const res = await rig.cloud.getOpenData({ list: [id] })

    expect(res.list[0]).toMatchObject({ cloudID: id, errCode: -601007 })
  })
})
