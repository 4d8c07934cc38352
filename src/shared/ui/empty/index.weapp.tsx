import type { EmptyProps } from './types'

/** Weapp: van-empty with its built-in illustration for the kind. */
export default function Empty({ description, image = 'default', children }: EmptyProps) {
  return (
    <van-empty description={description} image={image}>
      {children}
    </van-empty>
  )
}
