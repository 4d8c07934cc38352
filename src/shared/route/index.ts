import { getCurrentInstance } from '@tarojs/taro'

/** A query parameter of the current page (`?itemId=…`), decoded; '' when absent. */
export function routeParam(name: string): string {
  const value = getCurrentInstance().router?.params?.[name]
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
