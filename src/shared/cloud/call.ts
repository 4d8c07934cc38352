import type { CallTransport } from './types'
import { currentPersona } from './persona'

/**
 * Local mode (H5 build served by the emulator): functions are invoked over the
 * emulator's local-only HTTP endpoint with the dev persona chosen on the persona page.
 */
export function initTransport(): void {}

export const transport: CallTransport = async (name, data) => {
  const res = await fetch(`/__local/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': currentPersona() },
    body: JSON.stringify(data),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.json()
}
