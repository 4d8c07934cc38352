/**
 * mingo publishes `mingo/util` through package `exports`, which moduleResolution "node" does not read:
 * this declares the one function the emulator uses from it (same signature as mingo's types/util.d.ts).
 */
declare module 'mingo/util' {
  /** The value at a dotted path, read as mingo's operators read it (arrays along the path give arrays). */
  export function resolve(obj: object, selector: string): unknown
}
