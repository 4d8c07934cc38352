/**
 * The emulator as this app runs it locally (`npm start`, tests, benchmarks): the app's collections from the schema
 * manifest, its function bundles, the dev personas, and the local-mode endpoints the H5 build calls instead of
 * WeChat's client (local-api.ts). The emulator package itself knows none of these.
 */
import * as path from 'path'
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator'
import { COLLECTIONS } from '../cloudfunctions/src/schema/collections'
import { localApi } from './dev/local-api'
import { PERSONAS, type Persona } from './dev/personas'

export interface AppEmulator extends Emulator {
  personas: Persona[]
}

export interface AppEmulatorOptions extends Omit<EmulatorOptions, 'collections' | 'routes'> {
  personas?: Persona[]
}

export const FUNCTIONS_BUILD_DIR = path.join(__dirname, '..', 'cloudfunctions', 'build')

export async function createAppEmulator(opts: AppEmulatorOptions = {}): Promise<AppEmulator> {
  const personas = opts.personas ?? PERSONAS
  const emu = await createEmulator({
    functionsDir: FUNCTIONS_BUILD_DIR,
    ...opts,
    collections: COLLECTIONS,
    routes: (parts) => [localApi({ ...parts, personas })],
  })
  return Object.assign(emu, { personas })
}
