import Taro from '@tarojs/taro'

/**
 * The route table: every page of src/app.config.ts, named `<feature>/<page>` (`camp/today` is
 * features/camp/pages/today/index; the main package's tab pages are `home` and `me`), with the query it reads.
 * Types only, so the table costs the main package nothing; a test checks it against app.config and
 * scripts/check-routes.ts refuses a page path written anywhere else.
 */
export interface RouteParams {
  home: void
  me: void
  'points/index': void
  'mall/index': void
  'mall/item': { itemId: string }
  'mall/redeem': { itemId: string }
  'mall/orders': void
  'mall-admin/index': void
  'mall-admin/items': void
  'mall-admin/item-form': { itemId?: string }
  'mall-admin/codes': void
  'mall-admin/fulfilment': void
  'mall-admin/adjust': void
  'mall-admin/audit': void
  'mall-admin/reverse': void
  'camp/index': void
  'camp/detail': { campId: string; periodId?: string }
  'camp/today': { periodId: string; redoDay?: string }
  'camp/calendar': { periodId: string }
  'camp/feed': { periodId: string }
  'camp/leaderboard': { periodId: string }
  'camp/reminder': { periodId: string }
  'camp/certificate': { periodId: string }
  'camp-admin/index': void
  'camp-admin/camp-form': { campId?: string }
  'camp-admin/period-form': { campId: string; periodId?: string }
  'camp-admin/tasks': { campId: string; periodId: string }
  'camp-admin/period': { campId: string; periodId: string }
  'camp-admin/roles': void
  'camp-admin/incentives': { periodId: string }
  /** Operators may open one period's queue of one teacher (`assignee` = their id) or of the pool (`assignee=pool`). */
  'review/index': { periodId?: string; assignee?: string }
  'review/review': { checkinId: string; kind: string; day: string; periodId?: string; assignee?: string }
  'review/phrases': void
  'review/stats': void
  'review/sla': void
  'review/distribution': { periodId: string }
  'review/comment': { periodId: string; day: string }
  'materials/index': void
  'materials/detail': { materialId: string }
  'materials-admin/index': void
  'materials-admin/form': { materialId?: string }
  'classes/index': void
  'classes/detail': { classId: string }
  'classes/mine': void
  'classes-admin/index': void
  'classes-admin/form': { classId?: string }
  'classes-admin/roster': { sessionId: string }
  'classes-admin/leads': void
  'invite/index': void
  'invite/invitees': void
  'invite/leaderboard': void
  'analytics-admin/index': void
  'analytics-admin/layers': void
  'analytics-admin/periods': { next: 'period' | 'conversion' | 'export' }
  'analytics-admin/period': { periodId: string }
  'analytics-admin/conversion': { periodId: string }
  'analytics-admin/export': { periodId: string }
  'community/teams': { periodId: string }
  'community/team-day': { periodId: string }
  'community/board': { periodId: string }
  /** The member's own 学习报告, or (staff) the report of the member whose handle is `member`. */
  'community/report': { periodId: string; member?: string }
  'community/report-members': { periodId: string }
  /** 日签 of a day the member checked in: today unless `day` names one. */
  'community/day-card': { periodId: string; day?: string }
  /** H5 local mode only (app.config adds the dev subpackage there). */
  'dev/personas': void
  'dev/panel': void
}

export type RouteName = keyof RouteParams
export type TabRoute = 'home' | 'me'

/** No argument for a page without a query; an optional one when every parameter is optional. */
export type RouteArgs<K extends RouteName> = RouteParams[K] extends void
  ? []
  : Record<string, never> extends RouteParams[K]
    ? [params?: RouteParams[K]]
    : [params: RouteParams[K]]

/** `/features/camp/pages/today/index` — the page path without a query (share cards, tests). */
export function pagePath(name: RouteName): string {
  const [root, page] = name.split('/')
  return page ? `/features/${root}/pages/${page}/index` : `/pages/${root}/index`
}

/** `/features/camp/pages/today/index?periodId=p%201` — parameters in the order given, absent ones left out. */
export function pageUrl<K extends RouteName>(name: K, ...args: RouteArgs<K>): string {
  const params = (args[0] ?? {}) as Record<string, string | undefined>
  const query = Object.keys(params)
    .filter((k) => params[k] !== undefined && params[k] !== '')
    .map((k) => `${k}=${encodeURIComponent(params[k] as string)}`)
    .join('&')
  return query ? `${pagePath(name)}?${query}` : pagePath(name)
}

/** Opens a page on top of this one. */
export const navigateTo = <K extends RouteName>(name: K, ...args: RouteArgs<K>) => Taro.navigateTo({ url: pageUrl(name, ...args) })

/** Replaces this page (a form that goes on to what it created, a result page). */
export const redirectTo = <K extends RouteName>(name: K, ...args: RouteArgs<K>) => Taro.redirectTo({ url: pageUrl(name, ...args) })

/** Goes to a tab page (a tab cannot be navigated to). */
export const switchTab = (tab: TabRoute) => Taro.switchTab({ url: pagePath(tab) })

/** A click handler that opens a page: `onClick={goTo('camp/feed', { periodId })}`. */
export const goTo =
  <K extends RouteName>(name: K, ...args: RouteArgs<K>) =>
  () =>
    void navigateTo(name, ...args)
