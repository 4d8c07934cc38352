import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Envelope } from '@/shared/cloud/types'
import type { LoadMoreStatus } from '@/shared/ui/load-more/types'
import { toast } from '@/shared/ui/feedback'
import type { Load } from '@/shared/ui/page-state/use-load'

/** One page of a list, whatever the function calls its cursor (`nextBefore`, `cursor`…). */
export interface Page<T, C> {
  items: T[]
  next: C | null
}

export type PageFetcher<T, C> = (cursor: C | undefined) => Promise<Envelope<Page<T, C>>>

export interface PagedList<T> {
  /** loading: the first page is on its way (nothing to show yet). */
  status: 'loading' | 'ready' | 'error'
  items: T[]
  error: string
  /** The first page's state for `<PageState>`: loading, error or the items shown (more pages keep it ready). */
  load: Load<T[]>
  more: LoadMoreStatus
  /** Start again from the first page (pull-to-refresh, retry, a changed filter). */
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  /** Replace one item in place after an action on it (e.g. a cancelled order). */
  update: (match: (item: T) => boolean, next: T) => void
}

/**
 * Cursor paging shared by every list page. Answers from an older request (a tab switched mid-flight) are dropped,
 * and a failed "more" keeps what is shown and lets the footer retry.
 */
export function usePagedList<T, C>(fetchPage: PageFetcher<T, C>, deps: readonly unknown[]): PagedList<T> {
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [items, setItems] = useState<T[]>([])
  const [error, setError] = useState('')
  const [more, setMore] = useState<LoadMoreStatus>('done')
  const cursor = useRef<C | null>(null)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const busy = useRef(false)

  const reload = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setStatus((s) => (s === 'ready' ? s : 'loading'))
    const res = await fetchRef.current(undefined)
    if (gen !== generation.current) return
    busy.current = false
    if (res.code !== 0) {
      setStatus('error')
      setError(res.message)
      return
    }
    cursor.current = res.data.next
    setItems(res.data.items)
    setMore(res.data.next === null ? 'done' : 'idle')
    setStatus('ready')
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || cursor.current === null) return
    const gen = generation.current
    busy.current = true
    setMore('loading')
    const res = await fetchRef.current(cursor.current)
    if (gen !== generation.current) return
    busy.current = false
    if (res.code !== 0) {
      setMore('error')
      toast(res.message)
      return
    }
    cursor.current = res.data.next
    setItems((prev) => [...prev, ...res.data.items])
    setMore(res.data.next === null ? 'done' : 'idle')
  }, [])

  const update = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)))
  }, [])

  useEffect(() => {
    setStatus('loading')
    void reload()
  }, deps)

  const load: Load<T[]> = status === 'ready' ? { status, data: items } : status === 'error' ? { status, message: error } : { status }
  return { status, items, error, load, more, reload, loadMore, update }
}

/** The page events every list page wires the same way: pull down reloads from the first page, reaching the bottom loads more. */
export function useListPageEvents(list: Pick<PagedList<unknown>, 'reload' | 'loadMore'>): void {
  usePullDownRefresh(() => void list.reload().then(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())
}
