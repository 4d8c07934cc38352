import type { EmulatorClock } from '../core/clock'
import { mediaVerdict, requireUserAndScene, verdictDetail, type Verdict } from './content-security'
import { wxError, WX_ERR, stringParam, traceId, type OpenApiResult } from './wx-api-error'

/** The message-push event WeChat sends when an asynchronous media check finishes (v2). */
export interface MediaCheckEvent {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  detail: Record<string, unknown>[]
  errcode: 0
  errmsg: 'ok'
  result: { suggest: string; label: number }
}

interface PendingCheck {
  dueAt: number
  openid: string
  mediaUrl: string
  traceId: string
  /** Judged when the check is asked for, on the bytes the URL served then (WeChat downloads the media to check it). */
  verdict: Verdict
}

export interface MediaCheckQueueOptions {
  clock: EmulatorClock
  appid: string
  /** Where finished checks go (the lead wires it to the configured message-push function). */
  deliver?: (event: MediaCheckEvent) => Promise<void>
  /** Delay before a verdict is pushed; Infinity (or a negative value) waits for `deliverPending()`. */
  delayMs: number
  /** The bytes behind a media URL; without it (or for an unknown URL) the URL alone is judged. */
  readMedia?: (mediaUrl: string) => Promise<Buffer | undefined>
}

/**
 * `security.mediaCheckAsync`: answers a trace id at once and pushes the verdict later, either when the
 * delay has passed (real time, or the emulator clock jumping past it) or when tests call `deliverPending()`.
 * Each check leaves the queue before it is delivered, so it is delivered exactly once.
 */
export class MediaCheckQueue {
  private readonly pending: PendingCheck[] = []
  private readonly delivered: MediaCheckEvent[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false
  private readonly stopWatchingClock: () => void

  constructor(private readonly opts: MediaCheckQueueOptions) {
    this.stopWatchingClock = opts.clock.onChange(() => void this.deliverDue())
  }

  async submit(params: Record<string, unknown>): Promise<OpenApiResult> {
    const mediaUrl = stringParam(params, 'media_url')
    if (!mediaUrl) throw wxError(WX_ERR.INVALID_ARGS, 'media_url is empty')
    if (![1, 2].includes(Number(params.media_type))) throw wxError(WX_ERR.INVALID_ARGS, 'media_type must be 1 (audio) or 2 (image)')
    const openid = Number(params.version) === 2 ? requireUserAndScene(params) : (stringParam(params, 'openid') ?? '')
    const bytes = await this.opts.readMedia?.(mediaUrl).catch(() => undefined)
    const verdict = mediaVerdict(bytes ? `${mediaUrl}\n${bytes.toString('latin1')}` : mediaUrl)
    const now = this.opts.clock.now()
    const check: PendingCheck = { dueAt: now + this.delay(), openid, mediaUrl, traceId: traceId(now), verdict }
    this.pending.push(check)
    if (Number.isFinite(check.dueAt)) this.arm(check, this.delay())
    return { json: { errmsg: 'ok', trace_id: check.traceId } }
  }

  pendingCount(): number {
    return this.pending.length
  }

  /** Events delivered so far, oldest first (for tests and the dev panel). */
  deliveredEvents(): MediaCheckEvent[] {
    return [...this.delivered]
  }

  /** Delivers every pending check now; answers how many were delivered. */
  deliverPending(): Promise<number> {
    return this.deliverWhere(() => true)
  }

  close(): void {
    this.closed = true
    this.stopWatchingClock()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  /**
   * Delivers `check` once its time has come. Node's timers run on a monotonic clock and can fire a millisecond before
   * the wall clock (and so the emulator clock) reaches `dueAt`; the timer then re-arms for what is left instead of
   * leaving the check pending for good.
   */
  private arm(check: PendingCheck, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.deliverDue().then(() => {
        if (!this.closed && this.pending.includes(check)) this.arm(check, Math.max(1, check.dueAt - this.opts.clock.now()))
      })
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }

  private delay(): number {
    return this.opts.delayMs >= 0 ? this.opts.delayMs : Infinity
  }

  private deliverDue(): Promise<number> {
    const now = this.opts.clock.now()
    return this.deliverWhere((check) => check.dueAt <= now)
  }

  private async deliverWhere(isDue: (check: PendingCheck) => boolean): Promise<number> {
    const due = this.pending.filter(isDue)
    for (const check of due) this.pending.splice(this.pending.indexOf(check), 1)
    for (const check of due) {
      const event = this.eventOf(check)
      this.delivered.push(event)
      try {
        await this.opts.deliver?.(event)
      } catch (err) {
        // WeChat does not tell the sender when a push fails either; keep going with the other events.
        console.warn(`[emulator] wxa_media_check push for ${check.traceId} failed:`, err)
      }
    }
    return due.length
  }

  private eventOf(check: PendingCheck): MediaCheckEvent {
    const { verdict } = check
    return {
      ToUserName: `gh_${this.opts.appid.slice(-12)}`,
      FromUserName: check.openid,
      CreateTime: Math.floor(this.opts.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.opts.appid,
      trace_id: check.traceId,
      version: 2,
      detail: verdictDetail(verdict, false),
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
    }
  }
}
