/**
 * `wx.requirePrivacyAuthorize` is callback-style (platform-facts.md, "Checked in December 2026"): awaiting it neither
 * waits for the member's answer nor sees a refusal. This wraps it in the promise callers expect. Base libraries before
 * 2.32.3 have no such API and no privacy sheet to pass, so an absent API means consent is not needed.
 */
export type PrivacyAuthorizeApi = (options: { success: () => void; fail: (err: unknown) => void }) => unknown

/** Resolves true once the member agreed in WeChat's privacy sheet (or none is needed), false when they refused. */
export function askPrivacyConsent(api: PrivacyAuthorizeApi | undefined): Promise<boolean> {
  if (!api) return Promise.resolve(true)
  return new Promise((resolve) => {
    try {
      api({ success: () => resolve(true), fail: () => resolve(false) })
    } catch {
      resolve(false)
    }
  })
}
