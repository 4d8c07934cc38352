import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { SUBSCRIBE_TEMPLATES, subscribeTemplateIds } from '../../config/subscribe-templates'
import { buildFunction, buildTimeTemplateIds } from '../../scripts/build-functions'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-'))

describe('subscribe-message template ids', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const t of Object.values(SUBSCRIBE_TEMPLATES)) {
      if (saved[t.env] === undefined) delete process.env[t.env]
      else process.env[t.env] = saved[t.env]
    }
  })

  it('should use the placeholders when no variable is set', () => {
    expect(subscribeTemplateIds({})).toEqual({
      checkinReminder: 'tpl-camp-checkin-reminder',
      reviewArrived: 'tpl-camp-review-arrived',
      classReminder: 'tpl-class-session-reminder',
    })
  })

  it('should take a set variable and ignore a blank one', () => {
    const ids = subscribeTemplateIds({ TARO_APP_TPL_CHECKIN_REMINDER: ' abcDEF123 ', TARO_APP_TPL_REVIEW_ARRIVED: '  ' })
    expect(ids).toMatchObject({ checkinReminder: 'abcDEF123', reviewArrived: 'tpl-camp-review-arrived' })
  })

  it('should read the ids for the function bundles from .env.local, as the mini program build does', () => {
    const root = tmp()
    fs.writeFileSync(path.join(root, '.env.local'), 'TARO_APP_TPL_REVIEW_ARRIVED=real-review-tpl\n')
    expect(buildTimeTemplateIds(root).reviewArrived).toBe('real-review-tpl')
  })

  it('should bake the build-time ids into a function bundle', async () => {
    const out = tmp()
    await buildFunction('camp', out, {
      checkinReminder: 'real-reminder-tpl',
      reviewArrived: 'real-review-tpl',
      classReminder: 'real-class-tpl',
    })
    const bundle = fs.readFileSync(path.join(out, 'camp', 'index.js'), 'utf8')
    expect(bundle).toContain('"real-reminder-tpl"')
    expect(bundle).toContain('"real-review-tpl"')
  })

  it('should define the same ids for the mini program build', async () => {
    process.env.TARO_APP_TPL_CHECKIN_REMINDER = 'real-reminder-tpl'
    const { default: configFn } = await import('../../config')
    const merge = (...parts: object[]) => Object.assign({}, ...parts)
    const config = await (configFn as unknown as (m: typeof merge) => Promise<{ defineConstants: Record<string, string> }>)(merge)
    expect(JSON.parse(config.defineConstants.SUBSCRIBE_TEMPLATE_IDS)).toEqual({
      checkinReminder: 'real-reminder-tpl',
      reviewArrived: 'tpl-camp-review-arrived',
      classReminder: 'tpl-class-session-reminder',
    })
  })
})
