/**
 * The member's phone number from their phone-number CloudID, resolved by THIS function with getOpenData: the
 * `data` WeChat puts into the event is not trusted, because a client can send `{ cloudID, data }` itself.
 * getOpenData only resolves a CloudID issued to the caller within its lifetime.
 */
import type { PhoneCloudId } from '../../contracts/classes'
import { phoneFromOpenData, rejectClass, type ClassRejection } from '../../domain/classes'
import { errCode, openData } from '../../shared/cloud'

export async function resolvePhone(value: PhoneCloudId | undefined): Promise<{ ok: true; phone: string } | ClassRejection> {
  if (value === undefined) return rejectClass('CLASS.PHONE_REQUIRED')
  const cloudID = typeof value === 'string' ? value : value.cloudID
  try {
    const res = await openData<{ list: unknown[] }>([cloudID])
    return phoneFromOpenData(res.list[0] ?? null)
  } catch (err) {
    console.warn('[classes] getOpenData failed', errCode(err))
    return rejectClass('CLASS.PHONE_INVALID')
  }
}
