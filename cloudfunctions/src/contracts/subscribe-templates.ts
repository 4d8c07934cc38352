/** Template ids as the functions see them; the table and the build-time variables are in config/subscribe-templates.ts. */
import { subscribeTemplateIds, type SubscribeTemplateIds } from '../../../config/subscribe-templates'

export type { SubscribeTemplate, SubscribeTemplateIds } from '../../../config/subscribe-templates'

declare const __SUBSCRIBE_TEMPLATE_IDS__: SubscribeTemplateIds | undefined

/** In a function bundle: the ids baked in at build time. Run from source (tests, scripts): read from the environment. */
export const TEMPLATE_IDS: SubscribeTemplateIds =
  typeof __SUBSCRIBE_TEMPLATE_IDS__ !== 'undefined' ? __SUBSCRIBE_TEMPLATE_IDS__ : subscribeTemplateIds(process.env)
