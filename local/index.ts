/** Local mode: the app's emulator set-up, dev personas and panel endpoints, and the demo seed. Never deployed. */
export { createAppEmulator, FUNCTIONS_BUILD_DIR, type AppEmulator, type AppEmulatorOptions } from './app-emulator'
export { seedDemoData } from './seed'
export { PERSONAS, findPersona, type Persona } from './dev/personas'
