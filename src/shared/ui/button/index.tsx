import { Button as TaroButton } from '@tarojs/components'
import type { ButtonProps } from './types'
import './index.scss'

/** H5: Taro's button styled like vant's so both builds look alike. */
export default function Button(props: ButtonProps) {
  const { id, type = 'default', size = 'normal', block, round, plain, disabled, loading, loadingText, onClick, children } = props
  const classes = [
    'ui-button',
    `ui-button--${type}`,
    `ui-button--${size}`,
    block && 'ui-button--block',
    round && 'ui-button--round',
    plain && 'ui-button--plain',
    (disabled || loading) && 'ui-button--disabled',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <TaroButton id={id} className={classes} disabled={disabled || loading} onClick={disabled || loading ? undefined : onClick}>
      {loading ? <>{loadingText ?? '加载中…'}</> : children}
    </TaroButton>
  )
}
