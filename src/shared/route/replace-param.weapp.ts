import { getCurrentInstance } from '@tarojs/taro'

/** Mini program: there is no address bar; the page's params are updated so routeParam reads the item shown. */
export function replaceRouteParam(name: string, value: string): void {
  const router = getCurrentInstance().router
  if (router?.params) router.params[name] = value
}
