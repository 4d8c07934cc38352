/**
 * The production weapp build (dist/weapp-e2e, see build.ts) running in miniprogram-simulate as WeChat would run it
 * on one phone: app.js boots with the device's `wx`, pages open by URL with their query, navigation keeps a page
 * stack (onHide / onShow / onUnload), and tests tap, type and pick on the rendered templates by element id.
 * The Page→Component bridge leans on Taro internals (platform-facts.md, "Testing layers").
 */
import * as fs from 'fs'
import * as path from 'path'
import { freshSimulate, renderAttached, type SimComponent, type Simulate } from '../simulate'
import type { Navigator, WeChatDevice } from './device'
import { createWx } from './wx'

export const WEAPP_E2E_DIST = path.resolve(__dirname, '../../../dist/weapp-e2e')

type PageMethods = Record<string, (...args: unknown[]) => unknown> & { route?: string }
type AppInstance = { onLaunch(o: object): void; onShow(o: object): void; onHide?(): void }

interface Globals {
  wx: Record<string, unknown>
  App: (config: AppInstance) => void
  getApp: () => AppInstance | undefined
  getCurrentPages: () => unknown[]
  Page: (config: Record<string, unknown>) => void
  Component: (definition: object) => void
}

export interface OpenPage {
  route: string
  query: Record<string, string>
  component: SimComponent
  instance: PageMethods
}

/** The route and raw query of a `/path?a=b` URL; WeChat hands query values to onLoad without decoding them. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.replace(/^\//, '').split('?')
  const query = Object.fromEntries(
    search
      .split('&')
      .filter(Boolean)
      .map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]),
  )
  return { route: pathPart, query }
}

/**
 * simulate registers every dependency of each page it loads again (vant components, Taro's `comp`) and re-runs their
 * js to get the definitions; jest's module registry ignores simulate's require-cache deletion, so from the second page
 * on nothing would register and `<van-button>` would render as an unknown tag. Each file's first run is kept and its
 * `Component()` definitions are replayed on later loads; page files run once per boot anyway.
 */
function reuseComponentDefinitions(g: Globals): void {
  const utils = jest.requireActual<{ runJs: (file: string) => void }>('miniprogram-simulate/src/utils')
  const run = utils.runJs
  const definitions = new Map<string, object[]>()
  utils.runJs = (file) => {
    const known = definitions.get(file)
    if (known) return known.forEach((d) => g.Component(d))
    const captured: object[] = []
    const register = g.Component
    g.Component = (d) => (captured.push(d), register(d))
    try {
      run(file)
    } finally {
      g.Component = register
    }
    definitions.set(file, captured)
  }
}

export class WeappApp implements Navigator {
  readonly stack: OpenPage[] = []
  /** Errors thrown inside page code (event handlers, effects) — a test fails on any. */
  readonly errors: unknown[] = []
  private readonly ids = new Map<string, string>()
  private pending: { route: string; query: Record<string, string>; attach(i: PageMethods): void } | null = null
  private simulate!: Simulate
  private usingComponents: Record<string, string> = {}
  private navigation: Promise<void> = Promise.resolve()

  private constructor(readonly device: WeChatDevice) {}

  /** Boots app.js as WeChat does on a cold start (onLaunch, onShow with the device's launch options). */
  static boot(device: WeChatDevice): WeappApp {
    if (!fs.existsSync(path.join(WEAPP_E2E_DIST, 'app.js'))) throw new Error('dist/weapp-e2e missing: the weapp global setup builds it')
    const app = new WeappApp(device)
    const g = globalThis as unknown as Globals
    g.wx = createWx(device)
    let appConfig: AppInstance | undefined
    g.App = (config) => (appConfig = config)
    g.getApp = () => appConfig
    g.getCurrentPages = () => app.stack.map((p) => p.instance)
    app.simulate = freshSimulate()
    reuseComponentDefinitions(g)
    g.Page = (config) => g.Component(app.pageAsComponent(config))
    device.navigator = app
    device.pageRoot = () => app.stack[app.stack.length - 1]?.component.dom
    require(path.join(WEAPP_E2E_DIST, 'app.js'))
    if (!appConfig) throw new Error('app.js did not call App()')
    appConfig.onLaunch(structuredClone(device.launch))
    appConfig.onShow(structuredClone(device.enter))
    const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_E2E_DIST, 'app.json'), 'utf8')) as {
      usingComponents?: Record<string, string>
    }
    app.usingComponents = appJson.usingComponents ?? {}
    return app
  }

  get page(): OpenPage {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  /** Opens `url` as the only page (a cold start on it, or reLaunch). */
  open(url: string): OpenPage {
    this.closeAll()
    return this.push(url)
  }

  navigateTo(url: string): void {
    this.queue(() => {
      this.page.instance.onHide?.()
      this.push(url)
    })
  }
  redirectTo(url: string): void {
    this.queue(() => {
      this.close(this.stack.pop())
      this.push(url)
    })
  }
  navigateBack(delta: number): void {
    this.queue(() => {
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.close(this.stack.pop())
      this.page.instance.onShow?.()
    })
  }
  switchTab(url: string): void {
    this.reLaunch(url)
  }
  reLaunch(url: string): void {
    this.queue(() => void this.open(url))
  }

  /** Waits until the shown page is `route` (after a tap navigated). */
  async waitForRoute(route: string, timeoutMs = 30_000): Promise<OpenPage> {
    const deadline = Date.now() + timeoutMs
    while (this.stack[this.stack.length - 1]?.route !== route.replace(/^\//, '')) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for page ${route}; shown: ${this.stack.map((p) => p.route).join(' > ')}`)
      await new Promise((r) => setTimeout(r, 10))
    }
    await this.navigation
    return this.page
  }

  closeAll(): void {
    while (this.stack.length) this.close(this.stack.pop())
  }

  private queue(step: () => void): void {
    this.navigation = this.navigation.then(step).catch((err) => void this.errors.push(err))
  }

  private push(url: string): OpenPage {
    const { route, query } = parseUrl(url)
    let id = this.ids.get(route)
    if (!id) {
      id = this.simulate.load(path.join(WEAPP_E2E_DIST, route), { rootPath: WEAPP_E2E_DIST, usingComponents: this.usingComponents })
      this.ids.set(route, id)
    }
    let instance: PageMethods | undefined
    this.pending = { route, query, attach: (i) => (instance = i) }
    const component = renderAttached(this.simulate, id)
    this.pending = null
    if (!instance) throw new Error(`${route} did not attach`)
    const page: OpenPage = { route, query, component, instance }
    this.stack.push(page)
    return page
  }

  private close(page: OpenPage | undefined): void {
    page?.component.detach()
  }

  /**
   * WeChat's `Page` is a component whose methods sit at the top level and whose lifecycle the client drives; Taro's
   * page config needs onLoad(query) (mounts the React page), onShow and onReady, and onUnload when it closes.
   */
  private pageAsComponent(config: Record<string, unknown>): object {
    const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'))
    const pendingLoad = () => this.pending
    return {
      data: (config.data as object) ?? {},
      methods,
      lifetimes: {
        attached(this: PageMethods) {
          const pending = pendingLoad()
          if (!pending) throw new Error('page attached outside WeappApp.push')
          this.route = pending.route
          pending.attach(this)
          this.onLoad({ ...pending.query })
          this.onShow()
          this.onReady()
        },
        detached(this: PageMethods) {
          this.onUnload?.()
        },
      },
    }
  }
}
