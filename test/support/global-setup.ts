/** Builds the cloud function bundles once per jest run: the emulator runs the same files DevTools uploads. */
import { buildAllFunctions } from '../../scripts/build-functions'

export default async function globalSetup(): Promise<void> {
  await buildAllFunctions()
}
