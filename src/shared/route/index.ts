import { useRef, useState } from 'react'
import { getCurrentInstance, useDidHide, useDidShow } from '@tarojs/taro'

/** A query parameter of the current page (`?itemId=…`), decoded; '' when absent. */
export function routeParam(name: string): string {
  const value = getCurrentInstance().router?.params?.[name]
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * This page's query parameter, read once when the component mounts. Use it in render: routeParam reads the CURRENT
 * page's router, so a render while another page is on top (a request answering after the member opened the next
 * page) would read that page's parameters (a camp detail once asked for campId '' that way).
 */
export function useRouteParam(name: string): string {
  const [value] = useState(() => routeParam(name))
  return value
}

/**
 * Runs `onReturn` each time the page is shown again after it was hidden — back from a page it opened (a form, a
 * check-in, the review page) or back on a tab — so it can reload what may have changed. The mount loads the page.
 *
 * It keys on "hidden since mount", not on counting shows: a list rendered inside a gate (AdminGate, TeacherGate)
 * mounts after the page's first show already fired, so counting shows took the first return for the first show and
 * skipped that reload.
 */
export function useOnReturn(onReturn: () => void): void {
  const hidden = useRef(false)
  const latest = useRef(onReturn)
  latest.current = onReturn
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    latest.current()
  })
}

export { goTo, navigateTo, pagePath, pageUrl, redirectTo, switchTab } from './routes'
export type { RouteArgs, RouteName, RouteParams, TabRoute } from './routes'
