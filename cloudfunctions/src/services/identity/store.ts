/** The identity repository: `members`, one document per member (`_id` = openid). */
import { repository } from '../../shared/repository'

export const MEMBERS = 'members'

export const repo = repository('identity')
