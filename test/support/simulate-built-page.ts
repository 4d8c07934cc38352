/**
 * Loads a page of the BUILT weapp (dist/weapp) in miniprogram-simulate: the real React page renders through
 * Taro's templates (base.wxml) with the real vant components. It leans on Taro internals, so keep it to smoke
 * tests; component behaviour belongs in the vant and pages layers.
 */
import * as fs from 'fs'
import * as path from 'path'
import { freshSimulate, renderAttached, type SimComponent } from './simulate'

export const WEAPP_DIST = path.resolve(__dirname, '../../dist/weapp')

/** The ui tests read the build output; `npm test` builds it before jest runs. */
export function assertWeappBuilt(): void {
  if (!fs.existsSync(path.join(WEAPP_DIST, 'app.js'))) {
    throw new Error(`${path.join(WEAPP_DIST, 'app.js')} is missing: run npm run build:weapp first`)
  }
}

type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> }
type PageInstance = Record<string, (...args: unknown[]) => unknown>
type AppInstance = { onLaunch(options: object): void; onShow(options: object): void }
type MiniProgramGlobals = typeof globalThis & {
  wx: Record<string, unknown>
  App: (config: AppInstance) => void
  getApp: () => AppInstance | undefined
  getCurrentPages: () => unknown[]
  Page: (config: PageConfig) => void
  Component: (definition: object) => void
}

/**
 * simulate only has `Component`; WeChat's `Page` is a component whose methods sit at the top level and whose
 * lifecycle WeChat drives. Taro's page config needs onLoad (mounts the React page), onShow and onReady.
 */
function pageAsComponent(config: PageConfig): object {
  const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'))
  return {
    data: config.data ?? {},
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.onLoad({})
        this.onShow()
        this.onReady()
      },
      detached(this: PageInstance) {
        this.onUnload()
      },
    },
  }
}

/**
 * Renders `pagePath` (e.g. 'pages/home/index') of dist/weapp. `wxApis` replace or add `wx.*` members
 * (e.g. `cloud`); simulate supplies mocks of the rest.
 */
export function renderBuiltPage(pagePath: string, wxApis: Record<string, unknown> = {}): SimComponent {
  assertWeappBuilt()
  const g = globalThis as MiniProgramGlobals
  // Taro binds `Taro.cloud` and the other APIs to `wx` when taro.js loads, so the stubs must be in place first;
  // simulate merges its own mock API under what is already on `wx`.
  g.wx = { ...wxApis }
  let app: AppInstance | undefined
  // app.js registers the Taro app with App(); keep it so the test can launch it as WeChat would.
  g.App = (config) => (app = config)
  g.getApp = () => app
  // taro.js calls getApp() and getCurrentPages() while it loads; a smoke test has one page and no history.
  g.getCurrentPages = () => []
  const simulate = freshSimulate()
  g.Page = (config) => g.Component(pageAsComponent(config))

  require(path.join(WEAPP_DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  app.onLaunch({ path: pagePath, query: {}, scene: 1001 })
  app.onShow({ path: pagePath, query: {}, scene: 1001 })

  // vant components are registered app-wide in app.json; simulate only reads each component's own json.
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as { usingComponents?: Record<string, string> }
  const id = simulate.load(path.join(WEAPP_DIST, pagePath), { rootPath: WEAPP_DIST, usingComponents: appJson.usingComponents })
  return renderAttached(simulate, id)
}
