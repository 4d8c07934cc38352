/**
 * A request id is made once per confirm screen or form and sent with every try of that action, so a double tap or a
 * retry after a lost response lands on the same server-side record. Fits the contract's `[A-Za-z0-9_-]{8,36}`.
 * Mini programs have no crypto.randomUUID; uniqueness per member is what matters here, not secrecy.
 */
export function newRequestId(): string {
  const time = Date.now().toString(36)
  let random = ''
  while (random.length < 16) random += Math.random().toString(36).slice(2)
  return `${time}-${random.slice(0, 16)}`
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,36}$/
