import { WxApiError, wxError, WX_ERR, stringParam, type OpenApiResult } from './wx-api-error'

/** One message `subscribeMessage.send` delivered, as tests and the dev panel read it. */
export interface SentMessage {
  /** Emulator-clock milliseconds. */
  time: number
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: string
  lang?: string
}

const STATES = new Set(['developer', 'trial', 'formal'])

/**
 * One-time subscriptions: each "accept" in `wx.requestSubscribeMessage` grants one credit per
 * (openid, template); each send spends one, and without a credit WeChat answers 43101.
 */
export class SubscriptionLedger {
  private readonly creditsByUser = new Map<string, Map<string, number>>()
  private readonly sent: SentMessage[] = []

  constructor(private readonly now: () => number) {}

  grant(openid: string, templateIds: string[]): void {
    const credits = this.creditsByUser.get(openid) ?? new Map<string, number>()
    for (const id of templateIds) credits.set(id, (credits.get(id) ?? 0) + 1)
    this.creditsByUser.set(openid, credits)
  }

  credits(openid: string): Record<string, number> {
    return Object.fromEntries(this.creditsByUser.get(openid) ?? [])
  }

  outbox(): SentMessage[] {
    return this.sent.map((m) => ({ ...m }))
  }

  send(params: Record<string, unknown>): OpenApiResult {
    const touser = stringParam(params, 'touser')
    if (!touser) throw wxError(WX_ERR.INVALID_OPENID)
    const templateId = stringParam(params, 'template_id')
    if (!templateId) throw new WxApiError(40037, 'invalid template_id')
    const data = parseData(params.data)
    const state = stringParam(params, 'miniprogram_state')
    if (state !== undefined && !STATES.has(state)) throw wxError(WX_ERR.INVALID_ARGS, 'miniprogram_state')
    const credits = this.creditsByUser.get(touser)
    const left = credits?.get(templateId) ?? 0
    if (!credits || left <= 0) throw new WxApiError(43101, 'user refuse to accept the msg')
    credits.set(templateId, left - 1)
    this.sent.push({
      time: this.now(),
      touser,
      templateId,
      page: stringParam(params, 'page'),
      data,
      miniprogramState: state,
      lang: stringParam(params, 'lang'),
    })
    return { json: { errmsg: 'ok', msgid: this.sent.length } }
  }
}

/** Template data must be `{ key: { value } }`; WeChat names the first bad key in a 47003. */
function parseData(raw: unknown): Record<string, { value: string }> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new WxApiError(47003, 'argument invalid! data is empty')
  const data: Record<string, { value: string }> = {}
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value
    if (value === undefined || value === null || value === '') throw new WxApiError(47003, `argument invalid! data.${key}.value is empty`)
    data[key] = { value: String(value) }
  }
  return data
}
