/**
 * The wire shape of `GET /__local/panel`, declared once: the emulator's local API (local/dev/local-api.ts) builds
 * its answer as this type and the dev panel page reads it, so a renamed field fails type-checking on both sides
 * instead of blanking the page (the outbox once sent `time` while the page read `sentAt`).
 */
export interface ClockView {
  now: number
  offsetMs: number
  businessDay: string
}

export interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  /** Emulator-clock milliseconds when `subscribeMessage.send` delivered it. */
  sentAt: number
}

export interface PanelView {
  clock: ClockView
  outbox: OutboxMessage[]
  pendingMediaChecks: number
  /** The demo WeChat groups the panel can "open the app from" (names to show, ids for the local CloudID). */
  groups: readonly { id: string; name: string }[]
  /** One trigger per function at most; `jobs` are what it dispatches (each can be run alone). */
  functions: { name: string; triggers: { name: string; config: string }[]; jobs: { name: string; schedule: string }[] }[]
}
