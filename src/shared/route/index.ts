import { useRef } from 'react'
import { getCurrentInstance, useDidShow } from '@tarojs/taro'

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
 * Runs `onReturn` each time the page is shown again after its first show — back from a page it opened (a form, a
 * check-in) or back on a tab — so it can reload what may have changed. The first show is the mount's own load.
 */
export function useOnReturn(onReturn: () => void): void {
  const shown = useRef(false)
  const latest = useRef(onReturn)
  latest.current = onReturn
  useDidShow(() => {
    if (shown.current) latest.current()
    shown.current = true
  })
}
