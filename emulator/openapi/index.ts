import type { EmulatorClock } from '../core/clock'
import type { ActionParams, ActionRouter, RawReply, RequestContext } from '../core/router'
import { CloudIdRegistry } from './cloud-ids'
import { DEFAULT_WORDS, msgSecCheck, type WordLists } from './content-security'
import { MediaCheckQueue, type MediaCheckEvent } from './media-checks'
import { SubscriptionLedger, type SentMessage } from './subscribe-messages'
import {
  binaryReply,
  decodeCall,
  decodeGetOpenDataRequest,
  getOpenDataReply,
  jsonReply,
  systemErrorReply,
  type OpenApiParams,
} from './wire'
import { getUnlimited } from './wxacode'
import { WxApiError, withRid, type OpenApiResult } from './wx-api-error'

export type { SentMessage } from './subscribe-messages'
export type { MediaCheckEvent } from './media-checks'
export type { WordLists } from './content-security'
export type { ResolvedCloudId } from './cloud-ids'
export { wxacodeText } from './wxacode'

/** Cloud-side codes the SDK reports for refused calls (wx-server-sdk's ERR_CODE table). */
export const OPENAPI_NOT_FOUND = -604100
export const OPENAPI_NO_PERMISSION = -604101

export interface LocalOpenApiOptions {
  clock: EmulatorClock
  words?: WordLists
  /** The app's pages (`pages/home/index`…); when given, wxacode pages are checked against it. */
  pages?: string[]
  /** Whether the calling function may use an open API (its config.json `permissions.openapi`). Default: allow. */
  isAllowed?: (ctx: RequestContext, api: string) => boolean
  /** Delivers message-push events (media check results). */
  deliver?: (event: object) => Promise<void>
  /** The bytes behind a media URL (WeChat downloads the media it checks); unknown URLs are judged by the URL alone. */
  readMedia?: (mediaUrl: string) => Promise<Buffer | undefined>
  /** Delay before a media check verdict is pushed; a negative value means "only on deliverPendingMediaChecks()". */
  mediaDelayMs?: number
  /** Which user a request comes from, for `cloud.getOpenData` ownership checks. Unknown: no check. */
  callerOf?: (ctx: RequestContext) => { openid?: string }
  appid?: string
}

type ApiHandler = (params: OpenApiParams, ctx: RequestContext) => OpenApiResult | Promise<OpenApiResult>

/**
 * The WeChat open APIs the app uses, served on the SDK's `wx.openApi` action with WeChat's behaviour
 * and error codes: wxacode, content security, subscribe messages and CloudID open data.
 */
export class LocalOpenApi {
  private readonly ledger: SubscriptionLedger
  private readonly cloudIds: CloudIdRegistry
  private readonly mediaChecks: MediaCheckQueue
  private readonly apis: Record<string, ApiHandler>

  constructor(private readonly opts: LocalOpenApiOptions) {
    const now = () => opts.clock.now()
    this.ledger = new SubscriptionLedger(now)
    this.cloudIds = new CloudIdRegistry(now)
    this.mediaChecks = new MediaCheckQueue({
      clock: opts.clock,
      appid: opts.appid ?? 'wx00000000000local',
      delayMs: opts.mediaDelayMs ?? 3000,
      deliver: opts.deliver,
      readMedia: opts.readMedia,
    })
    const words = opts.words ?? DEFAULT_WORDS
    this.apis = {
      'wxacode.getUnlimited': (p) => getUnlimited(p, opts.pages),
      'security.msgSecCheck': (p) => msgSecCheck(p, words, now()),
      'security.mediaCheckAsync': (p) => this.mediaChecks.submit(p),
      'subscribeMessage.send': (p) => this.ledger.send(p),
    }
  }

  register(router: ActionRouter): void {
    router.on('wx.openApi', (params, ctx) => this.handle(params, ctx))
  }

  grantSubscription(openid: string, templateIds: string[]): void {
    this.ledger.grant(openid, templateIds)
  }

  credits(openid: string): Record<string, number> {
    return this.ledger.credits(openid)
  }

  outbox(): SentMessage[] {
    return this.ledger.outbox()
  }

  issueCloudId(openid: string, kind: string, data: unknown): string {
    return this.cloudIds.issue(openid, kind, data)
  }

  async resolveEvent(event: unknown, caller: { openid?: string }): Promise<unknown> {
    return this.cloudIds.resolveEvent(event, caller.openid)
  }

  deliverPendingMediaChecks(): Promise<number> {
    return this.mediaChecks.deliverPending()
  }

  pendingMediaChecks(): number {
    return this.mediaChecks.pendingCount()
  }

  /** Media check events pushed so far (tests, dev panel). */
  deliveredMediaChecks(): MediaCheckEvent[] {
    return this.mediaChecks.deliveredEvents()
  }

  close(): void {
    this.mediaChecks.close()
  }

  private async handle(params: ActionParams, ctx: RequestContext): Promise<RawReply> {
    const apiName = typeof params.apiName === 'string' ? params.apiName : ''
    const call = decodeCall(ctx.files?.requestData ?? params.requestData)
    if (call.kind === 'svrkit') {
      if (call.apiName !== 'ApiGetOpenDataByCloudId') return systemErrorReply(OPENAPI_NOT_FOUND)
      const caller = this.opts.callerOf?.(ctx).openid
      const items = decodeGetOpenDataRequest(call.reqData).map((id) => ({
        cloudId: id,
        json: JSON.stringify(this.cloudIds.resolve(id, caller)),
      }))
      return getOpenDataReply(items)
    }
    if (call.kind !== 'openapi') return systemErrorReply(OPENAPI_NOT_FOUND)
    if (this.opts.isAllowed && !this.opts.isAllowed(ctx, apiName)) return systemErrorReply(OPENAPI_NO_PERMISSION)
    const api = Object.prototype.hasOwnProperty.call(this.apis, apiName) ? this.apis[apiName] : undefined
    if (!api) return systemErrorReply(OPENAPI_NOT_FOUND)
    try {
      const result = await api(call.params, ctx)
      if ('binary' in result) return binaryReply(result.binary, result.contentType)
      return jsonReply({ errcode: 0, ...result.json })
    } catch (err) {
      if (err instanceof WxApiError) return jsonReply({ errcode: err.errcode, errmsg: withRid(err.errmsg) })
      throw err
    }
  }
}
