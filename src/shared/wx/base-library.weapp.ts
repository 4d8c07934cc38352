/**
 * The base library's own `wx` object, for the callback-only APIs the share and group flows use: they are called as
 * WeChat documents them (`success` / `fail`), not through Taro's promise wrapper, so a test layer that stubs `wx` (the
 * miniprogram-simulate layer) drives exactly what runs on a phone.
 */
import type { GroupEnterInfoApi } from './group-enter'
import type { ShowShareMenuApi } from './share-menu'

export interface BaseLibrary {
  getGroupEnterInfo?: GroupEnterInfoApi
  showShareMenu?: ShowShareMenuApi
  getEnterOptionsSync?: () => { scene?: number }
  getLaunchOptionsSync?: () => { scene?: number; query?: Record<string, string | undefined> }
}

declare const wx: BaseLibrary | undefined

export function baseLibrary(): BaseLibrary {
  return typeof wx === 'undefined' || !wx ? {} : wx
}

/** One API of the base library, bound to it; undefined on a base library without it. */
export function wxApi<K extends keyof BaseLibrary>(name: K): BaseLibrary[K] | undefined {
  const lib = baseLibrary()
  const fn = lib[name] as unknown
  return typeof fn === 'function' ? ((fn as (...a: unknown[]) => unknown).bind(lib) as BaseLibrary[K]) : undefined
}
