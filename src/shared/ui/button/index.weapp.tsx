import type { ButtonProps } from './types'

/** Weapp: the real @vant/weapp button. */
export default function Button(props: ButtonProps) {
  const { id, type = 'default', size = 'normal', block, round, plain, disabled, loading, loadingText, onClick, children } = props
  return (
    <van-button
      id={id}
      type={type}
      size={size}
      block={block}
      round={round}
      plain={plain}
      disabled={disabled}
      loading={loading}
      loadingText={loadingText}
      onClick={disabled || loading ? undefined : onClick}
    >
      {children}
    </van-button>
  )
}
