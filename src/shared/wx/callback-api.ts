/**
 * WeChat APIs that are callback-style only (the docs say 「以 Promise 风格 调用：不支持」, e.g. wx.getGroupEnterInfo,
 * wx.requirePrivacyAuthorize): awaiting their return value neither waits for the answer nor sees a failure. This
 * calls one with `success` / `fail` and resolves either way; an API that throws counts as a failure.
 */
export type CallbackApi<O, R> = (options: O & { success: (res: R) => void; fail: (err: unknown) => void }) => unknown

export type CallbackOutcome<R> = { ok: true; res: R } | { ok: false; err: unknown }

export function callWithCallbacks<O extends object, R>(api: CallbackApi<O, R>, options: O): Promise<CallbackOutcome<R>> {
  return new Promise((resolve) => {
    try {
      api({ ...options, success: (res: R) => resolve({ ok: true, res }), fail: (err: unknown) => resolve({ ok: false, err }) })
    } catch (err) {
      resolve({ ok: false, err })
    }
  })
}
