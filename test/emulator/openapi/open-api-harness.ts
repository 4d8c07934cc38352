import { EmulatorClock } from '../../../emulator/core/clock'
import { startHttpServer, type HttpServerHandle } from '../../../emulator/core/http'
import { ActionRouter, type RequestContext } from '../../../emulator/core/router'
import { LocalOpenApi, type LocalOpenApiOptions } from '../../../emulator/openapi'
import { connectWxSdk, type WxCloud } from '../storage/wx-sdk-harness'

export const APP_PAGES = ['pages/home/index', 'pages/invite/index', 'features/camp/pages/detail/index']

export interface OpenApiRig {
  api: LocalOpenApi
  clock: EmulatorClock
  server: HttpServerHandle
  cloud: WxCloud
  /** Events the injected `deliver` received, in order. */
  delivered: object[]
  /** Set to a predicate to play the functions runtime's permission whitelist. */
  allow: { check: (ctx: RequestContext, api: string) => boolean }
  /** Points the SDK (process-wide env) back at this rig, after another rig in the same file took it. */
  useSdk(): WxCloud
  close(): Promise<void>
}

/** A LocalOpenApi behind a real HTTP server, with the real wx-server-sdk pointed at it. */
export async function startOpenApiRig(overrides: Partial<LocalOpenApiOptions> = {}): Promise<OpenApiRig> {
  const clock = new EmulatorClock()
  const delivered: object[] = []
  const allow = { check: (_ctx: RequestContext, _api: string) => true }
  const api = new LocalOpenApi({
    clock,
    pages: APP_PAGES,
    isAllowed: (ctx, name) => allow.check(ctx, name),
    deliver: async (event) => {
      delivered.push(event)
    },
    mediaDelayMs: -1,
    ...overrides,
  })
  const router = new ActionRouter()
  api.register(router)
  const server = await startHttpServer(router)
  const cloud = connectWxSdk(server.url)
  return {
    api,
    clock,
    server,
    cloud,
    delivered,
    allow,
    useSdk: () => connectWxSdk(server.url),
    close: async () => {
      api.close()
      await server.close()
    },
  }
}

export type OpenApiAnswer = Record<string, unknown> & { errCode: number; errMsg: string }

/** Calls `cloud.openapi.<a>.<b>(data)` by its dotted name (the SDK builds these with a Proxy). */
export function callOpenApi(cloud: WxCloud, name: string, data: Record<string, unknown>): Promise<OpenApiAnswer> {
  const fn = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], cloud.openapi)
  return (fn as (d: Record<string, unknown>) => Promise<OpenApiAnswer>)(data)
}
