import { sdkFailure } from '../storage/wx-sdk-harness'
import { callOpenApi, startOpenApiRig, type OpenApiRig } from './open-api-harness'

let rig: OpenApiRig

beforeAll(async () => {
  rig = await startOpenApiRig()
})

afterAll(() => rig.close())

const TEMPLATE = 'tpl-checkin-reminder'
const message = (touser: string, templateId = TEMPLATE) => ({
  touser,
  templateId,
  page: 'pages/home/index',
  data: { thing1: { value: '21天阅读营' }, time2: { value: '2026-11-24 08:00' } },
  miniprogramState: 'developer',
})

const send = (touser: string, templateId?: string) => callOpenApi(rig.cloud, 'subscribeMessage.send', message(touser, templateId))

describe('subscribeMessage.send', () => {
  it('should refuse a user who never accepted the template with 43101', async () => {
    const failure = await sdkFailure(send('o-never'))

    expect(failure.errCode).toBe(43101)
    expect(failure.errMsg).toContain('user refuse to accept the msg')
  })

  it('should send once per accepted subscription and refuse the second send', async () => {
    rig.api.grantSubscription('o-once', [TEMPLATE])

    const first = await send('o-once')
    const second = await sdkFailure(send('o-once'))

    expect(first.errCode).toBe(0)
    expect(second.errCode).toBe(43101)
  })

  it('should consume exactly one credit per send', async () => {
    rig.api.grantSubscription('o-many', [TEMPLATE, 'tpl-other'])
    rig.api.grantSubscription('o-many', [TEMPLATE])

    await send('o-many')

    expect(rig.api.credits('o-many')).toEqual({ [TEMPLATE]: 1, 'tpl-other': 1 })
  })

  it('should not let a credit for one template pay for another', async () => {
    rig.api.grantSubscription('o-other', ['tpl-other'])

    const failure = await sdkFailure(send('o-other', TEMPLATE))

    expect(failure.errCode).toBe(43101)
    expect(rig.api.credits('o-other')).toEqual({ 'tpl-other': 1 })
  })

  it('should record the sent message in the outbox with time, user, template, page and data', async () => {
    rig.api.grantSubscription('o-outbox', [TEMPLATE])

    await send('o-outbox')

    expect(rig.api.outbox().filter((m) => m.touser === 'o-outbox')).toEqual([
      {
        time: expect.any(Number),
        touser: 'o-outbox',
        templateId: TEMPLATE,
        page: 'pages/home/index',
        data: { thing1: { value: '21天阅读营' }, time2: { value: '2026-11-24 08:00' } },
        miniprogramState: 'developer',
        lang: undefined,
      },
    ])
  })

  it('should stamp outbox entries with the emulator clock', async () => {
    rig.api.grantSubscription('o-clock', [TEMPLATE])
    const jumped = rig.clock.advance(3 * 24 * 3600 * 1000)

    await send('o-clock')

    const sent = rig.api.outbox().find((m) => m.touser === 'o-clock')
    expect(sent?.time).toBeGreaterThanOrEqual(jumped)
  })

  it('should not record a refused message in the outbox', async () => {
    await sdkFailure(send('o-refused'))

    expect(rig.api.outbox().some((m) => m.touser === 'o-refused')).toBe(false)
  })

  it('should refuse template data without values with 47003 and keep the credit', async () => {
    rig.api.grantSubscription('o-bad-data', [TEMPLATE])

    const failure = await sdkFailure(
      callOpenApi(rig.cloud, 'subscribeMessage.send', { touser: 'o-bad-data', templateId: TEMPLATE, data: { thing1: {} } }),
    )

    expect(failure.errCode).toBe(47003)
    expect(rig.api.credits('o-bad-data')).toEqual({ [TEMPLATE]: 1 })
  })
})
