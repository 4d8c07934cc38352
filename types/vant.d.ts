// @vant/weapp custom elements as the weapp build renders them.
import 'react'

type VantProps = Record<string, unknown> & { children?: import('react').ReactNode; id?: string; className?: string }

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'van-button': VantProps
      'van-cell': VantProps
      'van-empty': VantProps
    }
  }
}
