/**
 * Every page of the production weapp build loads and renders for each persona (member, teacher, admin), once with
 * the live demo data and once with every database read failing (each function answers SYS.INTERNAL): no page code
 * throws, something is on screen, and no raw error code or id leaks onto it.
 */
import * as fs from 'fs'
import * as path from 'path'
import { WEAPP_E2E_DIST } from '../support/weapp/app'
import { weappFixture } from '../support/weapp/phone'
import { textOf, waitFor } from '../support/weapp/ui'

const fx = weappFixture()
jest.setTimeout(360_000)

const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_E2E_DIST, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}
const PAGES = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
const READS = ['database.getDocument', 'database.aggregateDocuments', 'database.calculateDocument', 'database.getInTransaction']

async function query(): Promise<string> {
  const { emu } = fx
  const [period] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string; campId: string; startDay: string }[]
  const [cls] = (await emu.db.find('classes', {})) as { _id: string }[]
  const [session] = (await emu.db.find('class_sessions', {})) as { _id: string }[]
  const [item] = (await emu.db.find('mall_items', {})) as { _id: string }[]
  const [material] = (await emu.db.find('materials', {})) as { _id: string }[]
  const params = {
    periodId: period._id,
    campId: period.campId,
    classId: cls._id,
    // The roster page's own id (the fake cloud refuses the empty one a page without it would send).
    sessionId: session._id,
    itemId: item._id,
    materialId: material?._id ?? '',
    day: period.startDay,
  }
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
}

describe.each([
  ['member', 'dev-member-05'],
  ['teacher', 'dev-teacher-01'],
  ['admin', 'dev-admin'],
])('every page as the %s', (_role, openid) => {
  it.each([['live data'], ['failing reads']])('should render with %s', async (mode) => {
    const { emu } = fx
    const q = await query()
    if (mode === 'failing reads') READS.forEach((action) => emu.faults.failNext({ action, times: 100_000 }))
    const { device, app } = fx.phone(openid)
    const problems: string[] = []
    try {
      for (const route of PAGES) {
        const page = app.open(`${route}?${q}`)
        try {
          // Settled: the answers are in and the screen shows them (bounded; no fixed sleep).
          await waitFor(
            () => device.inFlight === 0 && textOf(page).length > 0 && !/^加载中…?$/.test(textOf(page)),
            `${route} settles`,
            15_000,
          )
          await new Promise((r) => setTimeout(r, 0))
          await waitFor(() => device.inFlight === 0, `${route} settles`, 30_000)
        } catch (err) {
          problems.push(`${route}: ${(err as Error).message}`)
          continue
        }
        const text = textOf(page)
        if (/SYS\.|CAMP\.|MALL\.|CLASS\.|INVITE\.|undefined|NaN|\[object Object\]/.test(text))
          problems.push(`${route} shows a raw code: ${text.slice(0, 120)}`)
        if (app.errors.length) problems.push(`${route} threw: ${app.errors.splice(0).map(String).join('; ')}`)
      }
    } finally {
      emu.faults.clear()
    }
    if (mode === 'failing reads') expect(device.calls.some((c) => c.code === 'SYS.INTERNAL')).toBe(true)
    expect(problems).toEqual([])
  })
})
