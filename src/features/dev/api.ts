/**
 * Local-mode only (H5 build served by the emulator): the dev endpoints that
 * pick a persona, move the clock and read the outbox. The weapp build never
 * includes this subpackage.
 */
import { currentPersona } from '@/shared/cloud/persona'
import type { ClockView, PanelView } from './panel-view'

export type { ClockView, OutboxMessage, PanelView } from './panel-view'

export interface PersonaView {
  openid: string
  nickname: string
  role: 'member' | 'teacher' | 'admin'
  grade?: string
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-openid': currentPersona() },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`本地模拟器返回 ${res.status}`)
  return (await res.json()) as T
}

export const listPersonas = () => request<PersonaView[]>('GET', '/__local/personas')
export const loadPanel = () => request<PanelView>('GET', '/__local/panel')
export const advanceClock = (ms: number) => request<ClockView>('POST', '/__local/clock', { advanceMs: ms })
export const deliverMediaChecks = () => request<{ delivered: number }>('POST', '/__local/moderation/deliver')
export const runTimerJob = (fn: string, job: string) => request<{ ok: boolean }>('POST', '/__local/triggers/run', { function: fn, job })
