/**
 * Subscribe-message templates. Real template ids belong to one mini program (小程序后台 → 订阅消息), so they are never
 * committed: each template names the build-time variable that holds its id (set it in `.env.local`) and a placeholder
 * used locally and in tests. Both builds read the same variables: config/index.ts defines SUBSCRIBE_TEMPLATE_IDS for
 * the mini program, scripts/build-functions.ts bakes it into every function bundle (see
 * cloudfunctions/src/contracts/subscribe-templates.ts). It lives in config/ because Taro compiles only this folder
 * when it loads config/index.ts.
 */
export const SUBSCRIBE_TEMPLATES = {
  /** Daily check-in reminder; fields: thing1 camp, thing2 today's task, time3 reminder time. */
  checkinReminder: { env: 'TARO_APP_TPL_CHECKIN_REMINDER', placeholder: 'tpl-camp-checkin-reminder' },
  /** "Your check-in was reviewed"; fields in domain/review/notification.ts. */
  reviewArrived: { env: 'TARO_APP_TPL_REVIEW_ARRIVED', placeholder: 'tpl-camp-review-arrived' },
  /** Free-class session reminder; fields: thing1 class, time2 start, thing3 note. */
  classReminder: { env: 'TARO_APP_TPL_CLASS_REMINDER', placeholder: 'tpl-class-session-reminder' },
} as const

export type SubscribeTemplate = keyof typeof SUBSCRIBE_TEMPLATES
export type SubscribeTemplateIds = Record<SubscribeTemplate, string>

/** The template ids a build uses: the variable's value when set, else the placeholder. */
export function subscribeTemplateIds(env: Readonly<Record<string, string | undefined>>): SubscribeTemplateIds {
  const ids = {} as SubscribeTemplateIds
  for (const [name, t] of Object.entries(SUBSCRIBE_TEMPLATES) as [SubscribeTemplate, { env: string; placeholder: string }][]) {
    ids[name] = env[t.env]?.trim() || t.placeholder
  }
  return ids
}
