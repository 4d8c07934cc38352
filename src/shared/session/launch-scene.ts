/**
 * Local mode (H5): a poster "scan" is the app URL carrying `?scene=…`, before the hash or inside it
 * (`/?scene=i%3DAB23CD#/pages/home/index` or `/#/pages/home/index?scene=…`); a shared card is the page URL with its
 * query (`/#/features/camp/pages/detail/index?campId=…&inviter=AB23CD`).
 */
export function launchQuery(): Record<string, string> {
  const loc = globalThis.location
  if (!loc) return {}
  const hashQuery = loc.hash.includes('?') ? loc.hash.slice(loc.hash.indexOf('?') + 1) : ''
  return { ...Object.fromEntries(new URLSearchParams(hashQuery)), ...Object.fromEntries(new URLSearchParams(loc.search)) }
}

export function launchScene(): string | null {
  return launchQuery().scene ?? null
}
