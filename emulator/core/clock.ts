/**
 * The emulator's one clock. Everything local (database serverDate, function
 * invocations, timer triggers) reads it, so dev and tests can move time
 * forward day by day. Real time keeps flowing (only an offset is added) unless the clock is frozen: a test that
 * must act at 23:59:59 freezes there, so a loaded machine cannot carry it past midnight before the call runs.
 */
export class EmulatorClock {
  private offsetMs = 0
  private frozenAt: number | null = null
  private readonly listeners = new Set<(now: number) => void>()

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offsetMs
  }

  /** The instant the clock stands still at, or null while real time flows. */
  frozen(): number | null {
    return this.frozenAt
  }

  offset(): number {
    return this.offsetMs
  }

  /** Moves time forward (or back with a negative value). */
  advance(ms: number): number {
    if (this.frozenAt !== null) this.frozenAt += ms
    this.offsetMs += ms
    this.emit()
    return this.now()
  }

  /** Jumps to an absolute instant; `frozen` stops it there (until the next plain `set` or `thaw`). */
  set(epochMs: number, options: { frozen?: boolean } = {}): number {
    this.offsetMs = epochMs - this.realNow()
    this.frozenAt = options.frozen ? epochMs : null
    this.emit()
    return this.now()
  }

  /** Lets real time flow again from the frozen instant. */
  thaw(): number {
    if (this.frozenAt === null) return this.now()
    return this.set(this.frozenAt)
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
