import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Empty from '../empty'
import type { EmptyProps } from '../empty/types'
import LoadError from '../load-error'
import type { Load } from './use-load'
import './index.scss'

export type { Load } from './use-load'
export { useLoad } from './use-load'

/**
 * The one loading line of the app: `加载中…`, or with what is loading (`what='老师'`: 老师加载中…), or a page's own
 * words (`text='海报生成中…'`); `inline` in a section.
 */
export function Loading({ what = '', inline = false, text = `${what}加载中…` }: { what?: string; inline?: boolean; text?: string }) {
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
  /** Which illustration the empty answer shows (`search` when a filter found nothing). */
  emptyImage?: EmptyProps['image']
  /** The loading line when not the plain 加载中… (e.g. `<Loading what='商品' inline />` in a section). */
  loading?: ReactNode
  children: (data: T) => ReactNode
}

const noItems = (data: unknown) => Array.isArray(data) && data.length === 0

/**
 * A page's loading / error / empty / ready states in one place: 加载中…, the message with 重试 (`#retry`), the empty
 * illustration with its text, or the page itself.
 */
export default function PageState<T>(props: PageStateProps<T>) {
  const { load, onRetry, empty, isEmpty = noItems, children } = props
  if (load.status === 'loading') return <>{props.loading ?? <Loading />}</>
  if (load.status === 'error') return <LoadError message={load.message} onRetry={onRetry} />
  if (empty !== undefined && isEmpty(load.data)) {
    return (
      <Empty description={empty} image={props.emptyImage}>
        {props.emptyAction}
      </Empty>
    )
  }
  return <>{children(load.data)}</>
}
