import { getCurrentInstance } from '@tarojs/taro'

/**
 * Changes one query parameter of the current page in place — the page shows another item (the review page moving
 * on) — so routeParam reads the new value and, in H5, the address bar names the item shown (a reload or a copied
 * link opens it, not the first one). Nothing navigates and no history entry is added. The H5 router is in hash mode.
 */
export function replaceRouteParam(name: string, value: string): void {
  const router = getCurrentInstance().router
  if (router?.params) router.params[name] = value
  if (typeof window === 'undefined' || !window.history?.replaceState) return
  const { pathname, search, hash } = window.location
  const inHash = hash.startsWith('#/')
  const target = inHash ? hash : search
  const [path, query = ''] = (inHash ? target : `?${target.replace(/^\?/, '')}`).split('?')
  const params = new URLSearchParams(query)
  params.set(name, value)
  const next = inHash ? `${pathname}${search}${path}?${params.toString()}` : `${pathname}?${params.toString()}${hash}`
  window.history.replaceState(window.history.state, '', next)
}
