import type { EmptyProps } from './types'

export default function Empty({ description, children }: EmptyProps) {
  return <van-empty description={description}>{children}</van-empty>
}
