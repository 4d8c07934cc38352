/**
 * How the real base library calls back. WeChat docs, "异步 API 返回 Promise"
 * (developers.weixin.qq.com/miniprogram/dev/framework/app-service/api.html): since base library 2.10.2 an async API
 * returns a Promise only when its options carry none of success / fail / complete; otherwise it calls back and returns
 * nothing (or its task object). APIs whose page says "以 Promise 风格 调用：不支持" (wx.requirePrivacyAuthorize,
 * .../api/open-api/privacy/wx.requirePrivacyAuthorize.html) never return a Promise, and APIs that return a task
 * (wx.downloadFile, wx.uploadFile, wx.request) return the task instead of a Promise. The fakes follow the same rules, so
 * an `await` on a callback-only API resolves at once to undefined and a test of that flow fails.
 */

export interface CallbackOptions {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

/** A failure as WeChat reports it: an object with `errMsg` "<api>:fail <reason>" (never an Error). */
export function wxFail(api: string, reason: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { errMsg: `${api}:fail ${reason}`, ...extra }
}

export type ApiStyle = 'promise-or-callback' | 'callback-only'

const hasCallback = (o: CallbackOptions) => !!(o.success || o.fail || o.complete)

/**
 * Wraps `run` (resolves the success result, rejects with a wxFail object) as a wx async API. Callbacks fire on a later
 * macrotask, as the client's bridge answers.
 */
export function wxAsync<O extends object>(
  api: string,
  run: (options: O) => Promise<Record<string, unknown>>,
  style: ApiStyle = 'promise-or-callback',
  task?: (options: O) => unknown,
) {
  return (options: O & CallbackOptions = {} as O & CallbackOptions): unknown => {
    const outcome = Promise.resolve()
      .then(() => run(options))
      .then(
        (res) => ({ ok: true as const, res: { errMsg: `${api}:ok`, ...res } }),
        (err: unknown) => ({ ok: false as const, res: isWxFail(err) ? err : wxFail(api, String((err as Error)?.message ?? err)) }),
      )
    const later = outcome.then((o) => new Promise<typeof o>((resolve) => setTimeout(() => resolve(o), 0)))
    const taskObject = task?.(options)
    if (hasCallback(options) || style === 'callback-only' || task) {
      void later.then((o) => {
        if (o.ok) options.success?.(o.res)
        else options.fail?.(o.res)
        options.complete?.(o.res)
      })
      return taskObject
    }
    return later.then((o) => (o.ok ? o.res : Promise.reject(o.res)))
  }
}

function isWxFail(err: unknown): err is Record<string, unknown> {
  return !!err && typeof err === 'object' && typeof (err as { errMsg?: unknown }).errMsg === 'string'
}
