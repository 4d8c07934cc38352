/**
 * The id other members see for a member. An openid never reaches another member (leaderboards, the feed, invite pages,
 * cursors): they see this one-way, stable derivation instead, which names the member for keys and tie-breaks and can
 * not be turned back into the openid. No action takes it as input.
 */
import { createHash } from 'crypto'

const PREFIX = 'public-id/v1:'

export const publicIdOf = (openid: string): string =>
  `u${createHash('sha256')
    .update(PREFIX + openid)
    .digest('base64url')
    .slice(0, 16)}`
