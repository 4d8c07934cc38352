import { View } from '@tarojs/components'
import type { LoadMoreProps, LoadMoreStatus } from './types'
import './index.scss'

const TEXT: Record<LoadMoreStatus, string> = {
  idle: '加载更多',
  loading: '加载中…',
  done: '没有更多了',
  error: '加载失败，点击重试',
}

/** List footer: pages load on reach-bottom, and this row is also tappable for when the list is too short to scroll. */
export default function LoadMore({ id = 'load-more', status, onLoad }: LoadMoreProps) {
  const tappable = status === 'idle' || status === 'error'
  return (
    <View role='button' id={id} className={`ui-load-more ui-load-more--${status}`} onClick={tappable ? onLoad : undefined}>
      {TEXT[status]}
    </View>
  )
}
