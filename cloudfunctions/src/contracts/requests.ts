import { AnalyticsRequest } from './analytics'
import { CampRequest } from './camp'
import { ClassesRequest } from './classes'
import { CommunityRequest } from './community'
import { MemberRequest } from './identity'
import { InvitesRequest } from './invites'
import { MallRequest } from './mall'
import { MaterialsRequest } from './materials'
import { PointsRequest } from './points'
import { ReviewRequest } from './review'

/**
 * Every client-callable function's request schema (a strict zod union on `action`), by function name. The mini
 * program reads it as types only (./calls.ts); the page tests' fake cloud parses each request with it.
 */
export const REQUESTS = {
  analytics: AnalyticsRequest,
  camp: CampRequest,
  classes: ClassesRequest,
  community: CommunityRequest,
  identity: MemberRequest,
  invites: InvitesRequest,
  mall: MallRequest,
  materials: MaterialsRequest,
  points: PointsRequest,
  review: ReviewRequest,
} as const
