/**
 * The typed contract of every client call, from one source each: the request of `fn.action` is the input type of
 * that action's zod schema (./requests.ts) without `action`; its answer is the action's entry in the function's
 * results map, which the function's handler is typechecked against. Types only: the mini program imports nothing
 * else from here.
 */
import type { z } from 'zod'
import type { CampResults } from './camp-results'
import type { CommunityResults } from './community'
import type { REQUESTS } from './requests'
import type {
  AnalyticsResults,
  ClassesResults,
  IdentityResults,
  InvitesResults,
  MallResults,
  MaterialsResults,
  PointsResults,
} from './results'
import type { ReviewResults } from './review-views'

export interface Results {
  analytics: AnalyticsResults
  camp: CampResults
  classes: ClassesResults
  community: CommunityResults
  identity: IdentityResults
  invites: InvitesResults
  mall: MallResults
  materials: MaterialsResults
  points: PointsResults
  review: ReviewResults
}

export type FunctionName = keyof Results & keyof typeof REQUESTS

type RequestUnion<F extends FunctionName> = z.input<(typeof REQUESTS)[F]>

export type ActionOf<F extends FunctionName> = RequestUnion<F>['action'] & keyof Results[F] & string

/**
 * A CloudID as the mini program sends it (`wx.cloud.CloudID(id)`, `{ cloudID }` in local mode): WeChat (or the
 * emulator) replaces it with the open data before the function runs, so the schema only knows the resolved forms.
 */
export interface CloudIdWrapper {
  readonly cloudID: string
}

/** Fields whose schema takes a resolved CloudID also take the wrapper that resolves to it. */
type AsSent<T> = { [K in keyof T]: [Extract<T[K], { cloudID: string }>] extends [never] ? T[K] : T[K] | CloudIdWrapper }

/** What the client sends for `fn.action`, besides `action` itself. */
export type RequestOf<F extends FunctionName, A extends ActionOf<F>> = AsSent<Omit<Extract<RequestUnion<F>, { action: A }>, 'action'>>

/** What `fn.action` answers inside `{ code: 0, data }`. */
export type ResultOf<F extends FunctionName, A extends ActionOf<F>> = Results[F][A]

type Assert<T extends true> = T
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false

/** Every action a schema accepts has an answer type, and every answer type an action: fails tsc otherwise. */
export type EveryActionAnswered = Assert<{ [F in FunctionName]: Same<RequestUnion<F>['action'], keyof Results[F]> }[FunctionName]>
