/**
 * `@tarojs/taro` for the `pages` jest project: Taro's real H5 API (@tarojs/taro-h5) plus the React page
 * hooks, wired the way the H5 build wires them.
 *
 * - The H5 build appends the hooks (useLaunch, usePullDownRefresh, …) to taro-h5 through
 *   @tarojs/plugin-framework-react's api-loader; jest has no loader, so they are re-exported here.
 * - The hooks read React from the framework runtime; the H5 entry hands it over with
 *   `createH5NativeComponentConfig`. Without that call every hook throws
 *   "React.useContext is not a function".
 */
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import taro from '@tarojs/taro-h5'
import type TaroTypes from '@tarojs/taro'
// @ts-expect-error the framework runtime ships without typings; FrameworkRuntime below types what is used.
import * as untypedRuntime from '@tarojs/plugin-framework-react/dist/runtime'

type HookName =
  | 'useDidHide'
  | 'useDidShow'
  | 'useLaunch'
  | 'useLoad'
  | 'usePullDownRefresh'
  | 'useReachBottom'
  | 'useReady'
  | 'useRouter'
  | 'useShareAppMessage'
  | 'useShareTimeline'
  | 'useUnload'
type FrameworkRuntime = Pick<typeof TaroTypes, HookName> & {
  createH5NativeComponentConfig(component: null, react: typeof React, reactDOM: typeof ReactDOM): unknown
}
const runtime = untypedRuntime as FrameworkRuntime

runtime.createH5NativeComponentConfig(null, React, ReactDOM)

export const {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useShareAppMessage,
  useShareTimeline,
  useUnload,
} = runtime

// babel-plugin-transform-taroapi turns a named import of an API missing from the H5 definition (the hooks)
// back into `Taro.useX`, so the hooks must also live on the default export, as the api-loader puts them.
Object.assign(taro, {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useShareAppMessage,
  useShareTimeline,
  useUnload,
})

export * from '@tarojs/taro-h5'
export default taro
