import type { ActionOf, FunctionName, RequestOf, ResultOf } from '@cloud/contracts/calls'
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

/** The payload argument of `fn.action`: optional when every field of the request is. */
export type PayloadArg<F extends FunctionName, A extends ActionOf<F>> =
  object extends RequestOf<F, A> ? [payload?: RequestOf<F, A>] : [payload: RequestOf<F, A>]

/**
 * The one place pages reach cloud functions. The request type is the action's zod schema input and the answer type
 * the action's view (contracts/calls.ts), so neither is written by hand. Never throws: transport failures become a
 * `CLIENT.NETWORK` envelope with a message fit for a toast.
 */
export async function callAction<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  ...[payload]: PayloadArg<F, A>
): Promise<Envelope<ResultOf<F, A>>> {
  initCloud()
  try {
    const result = (await transport(fn, { ...payload, action })) as Envelope<ResultOf<F, A>> | undefined
    if (!result || typeof result !== 'object' || !('code' in result)) {
      return { code: NETWORK_ERROR, message: NETWORK_MESSAGE }
    }
    return result
  } catch {
    return { code: NETWORK_ERROR, message: NETWORK_MESSAGE }
  }
}
