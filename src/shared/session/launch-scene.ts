/**
 * Local mode (H5): a poster "scan" is the app URL carrying `?scene=…`, before the hash or inside it
 * (`/?scene=i%3DAB23CD#/pages/home/index` or `/#/pages/home/index?scene=…`).
 */
export function launchScene(): string | null {
  const loc = globalThis.location
  if (!loc) return null
  const hashQuery = loc.hash.includes('?') ? loc.hash.slice(loc.hash.indexOf('?') + 1) : ''
  return new URLSearchParams(loc.search).get('scene') ?? new URLSearchParams(hashQuery).get('scene')
}
