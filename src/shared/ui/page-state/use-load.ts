import { useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Envelope } from '@/shared/cloud/types'

export type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

/**
 * Loads one answer for a page: loading / error / ready, `reload` for 重试 and 刷新, and pull-to-refresh that reloads in
 * place (the old numbers stay on screen until the new ones arrive). An answer for an older request is dropped.
 * `key` names what is loaded: when it changes the page shows 加载中 and loads again. `update` changes the shown
 * answer in place after an action on it (a saved setting, a removed row). `none` says there is nothing to load (a form
 * in create mode): the page is ready with it at once, with no 加载中 and no request.
 */
export function useLoad<T>(
  fetch: () => Promise<Envelope<T>>,
  key: string,
  none?: T,
): { load: Load<T>; reload: () => Promise<void>; update: (next: (data: T) => T) => void } {
  const [load, setLoad] = useState<Load<T>>(none === undefined ? { status: 'loading' } : { status: 'ready', data: none })
  const latest = useRef(0)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const reload = async () => {
    const ticket = ++latest.current
    const res = await fetchRef.current()
    if (ticket !== latest.current) return
    setLoad(res.code === 0 ? { status: 'ready', data: res.data } : { status: 'error', message: res.message })
  }
  const update = (next: (data: T) => T) => setLoad((l) => (l.status === 'ready' ? { status: 'ready', data: next(l.data) } : l))
  useEffect(() => {
    if (none !== undefined) return
    setLoad({ status: 'loading' })
    void reload()
    // reload reads the latest fetch through a ref; only a new key starts over.
  }, [key])
  usePullDownRefresh(() => void reload().then(() => Taro.stopPullDownRefresh()))
  return { load, reload, update }
}
