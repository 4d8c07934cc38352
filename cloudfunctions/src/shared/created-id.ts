/**
 * The id a create gets from its request id (one per form opened, see src/shared/request-id) and its author: a double
 * tap or a retry of the same form finds the document the first try made instead of making a second.
 */
import { createHash } from 'crypto'

export const createdId = (kind: string, actorId: string, requestId: string): string =>
  createHash('sha256').update(`${kind}:${actorId}:${requestId}`).digest('hex').slice(0, 24)
