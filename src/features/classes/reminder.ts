import type { MySignupView } from '@cloud/contracts/class-views'
import type { SubscribeTemplateIds } from '@cloud/contracts/subscribe-templates'
import { requestSubscribe } from '@/shared/wx'
import { subscribeReminder } from './api'
import { toast } from '@/shared/ui/feedback'

/** Defined at build time by config/index.ts from the same variables the functions use (config/subscribe-templates.ts). */
declare const SUBSCRIBE_TEMPLATE_IDS: SubscribeTemplateIds
/** The session-reminder template id. */
export const CLASS_REMINDER_TEMPLATE_ID = SUBSCRIBE_TEMPLATE_IDS.classReminder

/** Asks WeChat for one reminder credit (must run from a tap) and records it; answers the updated signup or null. */
export async function askForReminder(classId: string): Promise<MySignupView | null> {
  const accepted = await requestSubscribe([CLASS_REMINDER_TEMPLATE_ID])
  if (!accepted.length) {
    toast('未开启提醒')
    return null
  }
  const res = await subscribeReminder(classId, accepted)
  if (res.code !== 0) {
    toast(res.message)
    return null
  }
  toast('开课前会提醒你')
  return res.data
}
