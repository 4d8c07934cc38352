/**
 * What each action of the analytics, classes, identity, invites, mall, materials and points functions answers inside
 * `{ code: 0, data }` (camp: ./camp-results.ts, review: ./review-views.ts). Each function's handler is typechecked
 * against its map (`actionsFrom<typeof XRequest, XResults>`), and the mini program's `callAction` reads its answers
 * from the same map (./calls.ts), so the two sides cannot drift.
 */
import type { ReconcileReport } from '../domain/points'
import type { ConversionView, ExportView, LayersView, PeriodDashboardView, PeriodMembersPage, PeriodOption, RoundView } from './analytics'
import type {
  ClassDetailView,
  ClassPage,
  ClassView,
  LeadPage,
  MySignupPage,
  MySignupView,
  RosterView,
  SessionView,
  StaffSignupView,
} from './class-views'
import type { MeView, MemberPick } from './identity'
import type { ClaimView, LeaderboardView, MineView, MyCodeView, PosterView } from './invites'
import type { ItemView, OrderView } from './mall'
import type { AdminMaterialView, MaterialCard, MaterialDetail, MaterialPage, OpenedFile } from './materials'
import type { AuditItem, BalanceView, HistoryItem, HistoryPage } from './points'

/** `adjust` / `reverse`: the entry written (or found, for a retry). */
export interface LedgerActionResult {
  entry: HistoryItem
  /** This request was already applied (a retry): nothing changed twice. */
  replayed: boolean
}

/** `audit`, newest first: pass `nextBefore` back as `before`; null at the end. */
export interface AuditPage {
  items: AuditItem[]
  nextBefore: number | null
}

/** `reconcile` (admin): one run over the balances, or over one member. */
export interface ReconcileSummary {
  checked: number
  mismatched: number
  /** Members whose ledger kept moving during every reading: checked again by the next run. */
  busy: number
  reports: ReconcileReport[]
  at: number
}

/** A mismatched member in the `reconcile` answer, named as staff screens name members: handle and nickname, no openid. */
export interface ReconcileReportView extends Omit<ReconcileReport, 'memberId'> {
  member: { handle: string; nickname: string }
}

/** `reconcile` (admin): the run's counts and its reports as views. */
export interface ReconcileView extends Omit<ReconcileSummary, 'reports'> {
  reports: ReconcileReportView[]
}

export interface PointsResults {
  balance: BalanceView
  history: HistoryPage
  adjust: LedgerActionResult
  reverse: LedgerActionResult
  audit: AuditPage
  reconcile: ReconcileView
}

/** `listItems`: pass `cursor` back for the next page; null at the end. */
export interface ItemPage {
  items: ItemView[]
  cursor: string | null
}

/** `myOrders` / `fulfilmentQueue`: pass `nextBefore` (a createdAt) back as `before`; null at the end. */
export interface OrderPage {
  items: OrderView[]
  nextBefore: number | null
}

/** `addCodes`: codes the item ever had (in stock or issued) are listed in `duplicates` and not added again. */
export interface AddCodesResult {
  added: number
  /** Codes this item already had at some point (in stock or issued): not added again. */
  duplicates: string[]
  stock: number
}

/**
 * `migrateLegacyOrders` (and the mall timer's `orders` job, page after page): one page of legacy orders (mall_orders,
 * `_id` order). `copied` got their order onto their redeem entry now, `alreadyCopied` had it; `removed` of both left
 * mall_orders (their entry holds the same order); `skipped` names orders whose redeem entry is missing or holds a
 * different order (kept for a person to look at). Call again with `after: next` until `next` is null; a second run
 * finds only the skipped ones.
 */
export interface OrderMigrationPage {
  scanned: number
  copied: number
  alreadyCopied: number
  removed: number
  skipped: string[]
  next: string | null
}

export interface MallResults {
  listItems: ItemPage
  getItem: ItemView
  redeem: OrderView
  myOrders: OrderPage
  getOrder: OrderView
  revealCode: OrderView
  cancelOrder: OrderView
  createItem: ItemView
  updateItem: ItemView
  addCodes: AddCodesResult
  fulfilmentQueue: OrderPage
  fulfilOrder: OrderView
  migrateLegacyOrders: OrderMigrationPage
}

export interface ClassesResults {
  listClasses: ClassPage
  getClass: ClassDetailView
  signUp: MySignupView
  cancelSignup: MySignupView
  mySignups: MySignupPage
  subscribeReminder: MySignupView
  adminClasses: ClassPage
  createClass: ClassView
  updateClass: ClassView
  addSession: SessionView
  updateSession: SessionView
  roster: RosterView
  markAttendance: StaffSignupView
  leads: LeadPage
  updateLead: StaffSignupView
}

export interface MaterialsResults {
  list: MaterialPage<MaterialCard>
  detail: MaterialDetail
  unlock: MaterialDetail
  open: OpenedFile
  adminList: MaterialPage<AdminMaterialView>
  adminGet: AdminMaterialView
  create: AdminMaterialView
  update: AdminMaterialView
  setShelf: AdminMaterialView
}

export interface InvitesResults {
  poster: PosterView
  myCode: MyCodeView
  claim: ClaimView
  mine: MineView
  leaderboard: LeaderboardView
}

export interface MemberList {
  items: MemberPick[]
}

export interface IdentityResults {
  open: MeView
  me: MeView
  updateProfile: MeView
  grantRole: MemberPick
  searchMembers: MemberList
  staff: MemberList
}

/** `refresh`: the period's day stats and funnel recomputed now. */
export interface RecomputeResult {
  periodId: string
  days: number
  computedAt: number
}

export interface AnalyticsResults {
  layers: LayersView
  periods: PeriodOption[]
  periodDashboard: PeriodDashboardView
  refresh: RecomputeResult
  setRounds: RoundView[]
  periodMembers: PeriodMembersPage
  recordConversion: ConversionView
  correctConversion: ConversionView
  exportPeriod: ExportView
}
