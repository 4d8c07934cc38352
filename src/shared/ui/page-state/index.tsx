import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Empty from '../empty'
import LoadError from '../load-error'
import type { Load } from './use-load'
import './index.scss'

export type { Load } from './use-load'
export { useLoad } from './use-load'

/** The one loading line of the app: `加载中…`, or with what is loading (`what='老师'`: 老师加载中…); `inline` in a section. */
export function Loading({ what = '', inline = false }: { what?: string; inline?: boolean }) {
  const text = `${what}加载中…`
  return (
    <View role='status' aria-label={text} className={`page-state__loading${inline ? ' page-state__loading--inline' : ''}`}>
      {text}
    </View>
  )
}

export interface PageStateProps<T> {
  load: Load<T>
  /** 重试 on an error. */
  onRetry: () => void
  /** What an empty answer says (shown with the empty illustration); a list is empty with no items unless `isEmpty` says. */
  empty?: string
  isEmpty?: (data: T) => boolean
  /** Under the empty text: what to do instead (e.g. a 去积分商城 button). */
  emptyAction?: ReactNode
  /** A section's state rather than a page's: the short loading line, naming what loads (see Loading). */
  inline?: boolean
  what?: string
  children: (data: T) => ReactNode
}

const noItems = (data: unknown) => Array.isArray(data) && data.length === 0

/**
 * A page's loading / error / empty / ready states in one place: 加载中…, the message with 重试 (`#retry`), the empty
 * illustration with its text, or the page itself.
 */
export default function PageState<T>({ load, onRetry, empty, isEmpty = noItems, emptyAction, inline, what, children }: PageStateProps<T>) {
  if (load.status === 'loading') return <Loading what={what} inline={inline} />
  if (load.status === 'error') return <LoadError message={load.message} onRetry={onRetry} />
  if (empty !== undefined && isEmpty(load.data)) return <Empty description={empty}>{emptyAction}</Empty>
  return <>{children(load.data)}</>
}
