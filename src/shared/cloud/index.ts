import type { Envelope } from '@cloud/contracts/envelope'
import { initTransport, transport } from './call'
import { NETWORK_ERROR, NETWORK_MESSAGE } from './types'

export { downloadCloudFile, fileSrc, uploadFile } from './upload'
export { cloudIdValue } from './cloud-id'

let initialised = false

export function initCloud(): void {
  if (initialised) return
  initialised = true
  initTransport()
}

/**
 * The one place pages reach cloud functions. Never throws: transport failures
 * become a `CLIENT.NETWORK` envelope with a message fit for a toast.
 */
export async function callCloud<T>(name: string, action: string, payload: Record<string, unknown> = {}): Promise<Envelope<T>> {
  initCloud()
  try {
    const result = (await transport(name, { ...payload, action })) as Envelope<T> | undefined
    if (!result || typeof result !== 'object' || !('code' in result)) {
      return { code: NETWORK_ERROR, message: NETWORK_MESSAGE }
    }
    return result
  } catch {
    return { code: NETWORK_ERROR, message: NETWORK_MESSAGE }
  }
}
