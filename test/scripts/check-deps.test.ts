import * as path from 'path'
import { checkFile, checkTree } from '../../scripts/check-deps'

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
})
