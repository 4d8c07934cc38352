/**
 * What the H5 webpack build defines at compile time (webpack5-runner's H5WebpackPlugin): Taro's runtime,
 * router and components branch on these, and take the mini-program code path when they are missing.
 */
import { subscribeTemplateIds } from '../../config/subscribe-templates'
import checkinLimits from '../../cloudfunctions/src/domain/camp/checkin-limits.json'

process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'

// config/index.ts defines the subscribe-message template ids at build time; pages get the placeholders here.
Object.assign(globalThis, { SUBSCRIBE_TEMPLATE_IDS: subscribeTemplateIds({}), CHECKIN_LIMITS: checkinLimits })
