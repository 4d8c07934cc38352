/**
 * The functions' one clock. In the cloud it is the machine clock; the local
 * emulator moves it by shifting Date inside its function workers, so nothing
 * here knows about the emulator.
 */
export const now = (): number => Date.now()
