import type { CloudIdWrapper } from '@cloud/contracts/calls'

/** Local mode: the emulator resolves `{ cloudID }` values in an event for the calling persona, as the cloud does. */
export function cloudIdValue(cloudID: string): CloudIdWrapper {
  return { cloudID }
}
