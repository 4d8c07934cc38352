/**
 * The emulator's one clock. Everything local (database serverDate, function
 * invocations, timer triggers) reads it, so dev and tests can move time
 * forward day by day. Real time keeps flowing; only an offset is added.
 */
export class EmulatorClock {
  private offsetMs = 0
  private readonly listeners = new Set<(now: number) => void>()

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.realNow() + this.offsetMs
  }

  offset(): number {
    return this.offsetMs
  }

  /** Moves time forward (or back with a negative value). */
  advance(ms: number): number {
    this.offsetMs += ms
    this.emit()
    return this.now()
  }

  /** Jumps to an absolute instant. */
  set(epochMs: number): number {
    this.offsetMs = epochMs - this.realNow()
    this.emit()
    return this.now()
  }

  /** Called after every jump, e.g. so timer triggers can fire what they skipped. */
  onChange(listener: (now: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    const now = this.now()
    for (const l of this.listeners) l(now)
  }
}
