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
    // Only pass `disabled` when true: the H5 button renders `disabled="false"`, and Taro's CSS styles any [disabled] as greyed out.
    <TaroButton id={id} className={classes} disabled={disabled || loading || undefined} onClick={disabled || loading ? undefined : onClick}>
      {loading ? <>{loadingText ?? '加载中…'}</> : children}
    </TaroButton>
  )
}
