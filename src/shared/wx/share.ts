/**
 * Local mode (H5) stand-ins for the share menu and launch facts. `?singlePage=1` in the app URL previews how a page
 * renders in Moments' 单页模式 (WeChat itself would say scene 1154).
 */

export function isSinglePageMode(): boolean {
  const loc = globalThis.location
  if (!loc) return false
  const hashQuery = loc.hash.includes('?') ? loc.hash.slice(loc.hash.indexOf('?') + 1) : ''
  return new URLSearchParams(loc.search).get('singlePage') === '1' || new URLSearchParams(hashQuery).get('singlePage') === '1'
}

/** A browser has no share menu; the cards' paths are the same in both builds. */
export function enableGroupShare(_timeline: boolean): Promise<boolean> {
  return Promise.resolve(false)
}

/** In a browser every open is a cold launch (the URL is read at launch). */
export function onAppShowQuery(_listener: (query: Record<string, unknown>) => void): void {}
