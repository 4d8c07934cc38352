import type { Envelope } from '@cloud/contracts/envelope'

export type { Envelope }

/** Transport that delivers `{ action, ...payload }` to a cloud function and returns its envelope. */
export type CallTransport = (name: string, data: Record<string, unknown>) => Promise<unknown>

export const NETWORK_ERROR = 'CLIENT.NETWORK'
export const NETWORK_MESSAGE = '网络开小差了，请稍后重试'
