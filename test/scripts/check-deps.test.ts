import * as path from 'path'
import { checkFeatureCycles, checkFile, checkTree, LOOSE_RECORD_INPUTS, pureModules } from '../../scripts/check-deps'
import { COLLECTIONS, OWNER } from '../../cloudfunctions/src/schema/collections'

const ROOT = path.join(__dirname, '..', '..')
const rulesOf = (file: string, text: string) => checkFile(ROOT, file, text).map((v) => v.rule)

describe('dependency rule', () => {
  it('should pass on the current tree', () => {
    expect(checkTree(ROOT)).toEqual([])
  })

  it('should reject wx-server-sdk, Taro and node built-ins in domain code', () => {
    const file = 'cloudfunctions/src/domain/x.ts'
    expect(rulesOf(file, "import cloud from 'wx-server-sdk'")).toContain('domain-is-pure')
    expect(rulesOf(file, "import Taro from '@tarojs/taro'")).toContain('domain-is-pure')
    expect(rulesOf(file, "import * as fs from 'fs'")).toContain('domain-is-pure')
    expect(rulesOf(file, "const c = require('wx-server-sdk')")).toContain('domain-is-pure')
    expect(rulesOf(file, "import { clock } from '../shared/clock'")).toContain('domain-is-pure')
  })

  it('should allow domain code to import other domain files and dayjs', () => {
    expect(rulesOf('cloudfunctions/src/domain/x.ts', "import { a } from './y'\nimport dayjs from 'dayjs'")).toEqual([])
  })

  it('should let the mini program import cloud contracts as types only', () => {
    expect(rulesOf('src/features/a/api.ts', "import type { X } from '@cloud/contracts/x'")).toEqual([])
    expect(rulesOf('src/features/a/api.ts', "import { type X, type Y } from '@cloud/contracts/x'")).toEqual([])
    expect(rulesOf('src/features/a/api.ts', "import { X } from '@cloud/contracts/x'")).toContain('client-types-only')
  })

  it('should refuse storage document types in the mini program, whatever the module, and allow value types and views', () => {
    const file = 'src/features/camp-admin/pages/period/index.tsx'
    expect(rulesOf(file, "import type { PeriodDoc } from '@cloud/domain/camp'")).toEqual(['client-views-only'])
    expect(rulesOf(file, "import type { DailyTask, CampDoc as Camp } from '@cloud/domain/camp'")).toEqual(['client-views-only'])
    expect(rulesOf(file, "export type { LedgerEntry } from '@cloud/domain/points'")).toEqual(['client-views-only'])
    expect(rulesOf(file, "import type { MallOrder, MallItem } from '@cloud/domain/mall'")).toEqual([
      'client-views-only',
      'client-views-only',
    ])
    expect(rulesOf(file, "import { type StoredItem } from '../../../../../cloudfunctions/src/services/mall/store'")).toEqual([
      'client-views-only',
      'client-views-only',
    ])
    expect(rulesOf(file, "import type { DailyTask } from '@cloud/domain/camp'")).toEqual([])
    expect(rulesOf(file, "import type { AdminPeriodView } from '@cloud/contracts/camp-results'")).toEqual([])
  })

  it('should let the mini program import values only from pure domain modules', () => {
    const file = 'src/features/review/review-form.ts'
    const spec = "import { MAX_COMMENT_CHARS } from '@cloud/domain/review/limits'"
    const pureModule = (t: string) => t === 'cloudfunctions/src/domain/review/limits'
    expect(checkFile(ROOT, file, spec, { pureModule })).toEqual([])
    expect(checkFile(ROOT, file, "import { MAX_COMMENT_CHARS } from '@cloud/domain/review'", { pureModule }).map((v) => v.rule)).toEqual([
      'client-types-only',
    ])
    expect(
      checkFile(ROOT, file, "import { CampRequest } from '@cloud/contracts/camp'", { pureModule: () => true }).map((v) => v.rule),
    ).toEqual(['client-types-only'])
  })

  it('should count as pure only domain modules whose value imports are pure domain modules', () => {
    const pure = pureModules(ROOT)
    expect(pure('cloudfunctions/src/domain/review/limits')).toBe(true)
    expect(pure('cloudfunctions/src/domain/mall/address-rules')).toBe(true)
    // zod, and a barrel that re-exports modules with packages
    expect(pure('cloudfunctions/src/domain/mall/address')).toBe(false)
    expect(pure('cloudfunctions/src/domain/review')).toBe(false)
    expect(pure('cloudfunctions/src/contracts/calls')).toBe(false)
    expect(pure('cloudfunctions/src/domain/no-such-module')).toBe(false)
  })

  it('should let pages reach functions only through callAction, not the transport', () => {
    expect(rulesOf('src/features/mall/api.ts', "import { transport } from '@/shared/cloud/call'")).toEqual(['one-call-path'])
    expect(rulesOf('src/shared/cloud/index.ts', "import { initTransport, transport } from './call'")).toEqual([])
  })

  it('should keep the emulator and wx-server-sdk out of the mini program', () => {
    expect(rulesOf('src/pages/a.ts', "import { x } from '../../emulator/core/clock'")).toContain('client-boundary')
    expect(rulesOf('src/pages/a.ts', "import cloud from 'wx-server-sdk'")).toContain('client-boundary')
  })

  it('should keep the emulator package free of the app, and the app local mode out of the mini program', () => {
    expect(rulesOf('emulator/db/x.ts', "import { COLLECTIONS } from '../../cloudfunctions/src/schema/collections'")).toContain(
      'emulator-standalone',
    )
    expect(rulesOf('emulator/index.ts', "import { PERSONAS } from '../local/dev/personas'")).toContain('emulator-standalone')
    expect(rulesOf('emulator/index.ts', "import { LocalDatabase } from './db'")).toEqual([])
    expect(rulesOf('src/pages/a.ts', "import { seedDemoData } from '../../local/seed'")).toContain('client-boundary')
  })

  it('should allow wx.cloud only inside src/shared/cloud', () => {
    expect(rulesOf('src/pages/a.tsx', 'Taro.cloud.callFunction({ name })')).toContain('one-cloud-gateway')
    expect(rulesOf('src/shared/cloud/call.weapp.ts', 'Taro.cloud.callFunction({ name })')).toEqual([])
  })

  it('should allow wx-server-sdk only in the one SDK module', () => {
    expect(rulesOf('cloudfunctions/src/functions/a/index.ts', "import cloud from 'wx-server-sdk'")).toContain('one-sdk-module')
    expect(rulesOf('cloudfunctions/src/shared/cloud.ts', "import cloud from 'wx-server-sdk'")).toEqual([])
    expect(rulesOf('cloudfunctions/src/shared/db.ts', "import type cloud from 'wx-server-sdk'")).toEqual([])
    expect(rulesOf('cloudfunctions/src/functions/a/index.ts', "import x from '../../../../src/app'")).toContain('functions-boundary')
  })

  describe('typed payloads (issue #19 item 1)', () => {
    it('should refuse a payload built as a loose record in the mini program', () => {
      const file = 'src/features/mall-admin/item-form-model.ts'
      expect(rulesOf(file, 'const patch: Record<string, unknown> = {}\nreturn patch as ItemPatchInput')).toEqual(['typed-payloads'])
      expect(rulesOf(file, 'export function send(p: Readonly<Record<string, any>>) {}')).toEqual(['typed-payloads'])
      expect(rulesOf(file, 'type Payload = { action: string; [field: string]: unknown }')).toEqual(['typed-payloads'])
    })

    it('should refuse a loose record in the contracts, where request and answer types live', () => {
      const file = 'cloudfunctions/src/contracts/x.ts'
      expect(rulesOf(file, 'export type Req<P = Record<string, unknown>> = { action: string } & P')).toEqual(['typed-payloads'])
    })

    it('should allow typed records and partials of request types', () => {
      const file = 'src/features/mall-admin/item-form-model.ts'
      expect(rulesOf(file, 'const labels: Record<string, string> = {}\nconst patch: Partial<ItemPatchInput> = {}')).toEqual([])
      expect(rulesOf(file, 'const byId: { [id: string]: number } = {}\n// Record<string, unknown> in a comment')).toEqual([])
      expect(rulesOf('cloudfunctions/src/services/x/y.ts', 'const where: Record<string, unknown> = {}')).toEqual([])
    })

    it('should let only the listed platform inputs keep one, and report an entry that no longer needs it', () => {
      expect(rulesOf('src/shared/session/index.ts', 'export function f(query: Readonly<Record<string, unknown>>) {}')).toEqual([])
      LOOSE_RECORD_INPUTS.add('src/app.ts')
      try {
        expect(checkTree(ROOT)).toContainEqual(expect.objectContaining({ file: 'src/app.ts', rule: 'stale-exception' }))
      } finally {
        LOOSE_RECORD_INPUTS.delete('src/app.ts')
      }
    })
  })

  describe('repositories (issue #19 item 2)', () => {
    const service = 'cloudfunctions/src/services/mall/orders.ts'

    it('should keep collection access inside the feature repository', () => {
      expect(rulesOf(service, "const r = await db().collection('mall_orders').get()")).toContain('repository-only')
      expect(rulesOf(service, 'await tx.collection(ORDERS).doc(id).get()')).toContain('repository-only')
      expect(rulesOf(service, "import { db, withTransaction } from '../../shared/db'")).toContain('repository-only')
      expect(rulesOf(service, "import { getOrNull } from '../../shared/db'")).toContain('repository-only')
      expect(rulesOf(service, "import { withTransaction, type Tx } from '../../shared/db'")).toEqual([])
      expect(rulesOf(service, "import { ORDERS, repo } from './store'\nawait repo.col(ORDERS).get()")).toEqual([])
    })

    it('should let a repository module use the raw helpers but name only its own collections', () => {
      expect(
        rulesOf('cloudfunctions/src/services/mall/store.ts', "import { db } from '../../shared/db'\nexport const ORDERS = 'mall_orders'"),
      ).toEqual([])
      expect(rulesOf('cloudfunctions/src/services/mall/store.ts', "export const ENTRIES = 'points_entries'")).toContain('collection-owner')
      expect(rulesOf('cloudfunctions/src/services/mall/repo.ts', "export const M = 'members'")).toContain('collection-owner')
    })

    it('should count a `<part>-store.ts` module as a repository, and only that naming', () => {
      const draftStore = 'cloudfunctions/src/services/review/draft-store.ts'
      expect(rulesOf(draftStore, "import { db } from '../../shared/db'\nexport const D = 'review_drafts'")).toEqual([])
      expect(rulesOf(draftStore, "export const M = 'members'")).toContain('collection-owner')
      expect(rulesOf('cloudfunctions/src/services/review/drafts.ts', "import { db } from '../../shared/db'")).toContain('repository-only')
      expect(rulesOf('cloudfunctions/src/services/review/store-x.ts', "import { db } from '../../shared/db'")).toContain('repository-only')
      expect(rulesOf(service, "import { D } from '../review/draft-store'")).toContain('own-repository')
    })

    it("should reject importing another feature's repository module", () => {
      expect(rulesOf(service, "import { ENTRIES } from '../points/store'")).toContain('own-repository')
      expect(rulesOf(service, "import { balanceInTx } from '../points/ledger'")).toEqual([])
    })

    it('should reject `as unknown as` in services, domain and functions', () => {
      const cast = 'const x = y as unknown as Z'
      expect(rulesOf(service, cast)).toContain('no-double-cast')
      expect(rulesOf('cloudfunctions/src/domain/mall/x.ts', cast)).toContain('no-double-cast')
      expect(rulesOf('cloudfunctions/src/functions/mall/index.ts', cast)).toContain('no-double-cast')
      expect(rulesOf('cloudfunctions/src/shared/repository.ts', cast)).toEqual([])
    })

    it('should reject feature-level import cycles, type-only imports aside', () => {
      const files = (aToB: string) => [
        { file: 'cloudfunctions/src/services/mall/a.ts', text: aToB },
        { file: 'cloudfunctions/src/services/points/b.ts', text: "import { x } from '../mall/a'" },
      ]
      const cycle = checkFeatureCycles(ROOT, files("import { y } from '../points/b'"))
      expect(cycle.map((v) => v.rule)).toEqual(['feature-cycle', 'feature-cycle'])
      expect(checkFeatureCycles(ROOT, files("import type { Y } from '../points/b'"))).toEqual([])
      expect(checkFeatureCycles(ROOT, files("import { y } from '../../shared/db'"))).toEqual([])
    })

    it('should list every manifest collection once, each with an owner', () => {
      const names = COLLECTIONS.map((c) => c.name)
      expect(new Set(names).size).toBe(names.length)
      expect([...names].sort()).toEqual(Object.keys(OWNER).sort())
    })
  })
})
