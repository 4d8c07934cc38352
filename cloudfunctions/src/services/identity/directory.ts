/**
 * The member directory staff screens use: find members by nickname or phone tail, list staff, and turn a picked
 * member's handle (its public id) back into the record. The client never holds an openid: it sends the handle, and
 * the server looks it up through the stored `publicId` (index `public_id`) and re-derives it from the found openid.
 *
 * Searches are staff-only and bounded (`limit`); a nickname search is a regular-expression match, which the database
 * answers by scanning `members` — fine for an operator's occasional search, never on a member's path.
 */
import { toMemberPick, type MemberPick } from '../../contracts/identity'
import { publicIdOf, type MemberDoc, type Role } from '../../domain/identity'
import { command, regExp } from '../../shared/repository'
import { MEMBERS, repo } from './store'

/**
 * Phone numbers live on free-class signups: up to `limit` signups whose phone ends with `digits`. The classes feature
 * answers it (classes/lookups.ts `signupPhonesEndingWith`) and the identity function passes it in, since classes reads
 * member records through identity and identity must not import classes back.
 */
export type PhoneBook = (digits: string, limit: number) => Promise<{ memberId: string; phone: string }[]>

const PHONE_TAIL = /^\d{4,11}$/

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Records written before `publicId` existed get it now: any handle a staff screen holds came from here. */
async function withPublicIds(members: readonly MemberDoc[]): Promise<void> {
  const missing = members.filter((m) => m.publicId !== publicIdOf(m._id))
  await Promise.all(
    missing.map((m) =>
      repo
        .col(MEMBERS)
        .doc(m._id)
        .update({ data: { publicId: publicIdOf(m._id) } }),
    ),
  )
}

async function byNickname(query: string, limit: number): Promise<MemberDoc[]> {
  const res = await repo
    .col(MEMBERS)
    .where({ nickname: regExp({ regexp: escapeRegExp(query), options: 'i' }) })
    .limit(limit)
    .get()
  return res.data
}

/** Members whose free-class signup phone ends with `digits` (phone numbers live on the signups). */
async function byPhoneTail(phones: PhoneBook, digits: string, limit: number): Promise<{ member: MemberDoc; tail: string }[]> {
  const signups = await phones(digits, limit * 3)
  const tails = new Map<string, string>()
  for (const s of signups) if (!tails.has(s.memberId)) tails.set(s.memberId, s.phone.slice(-4))
  const members = await repo.byIds(MEMBERS, [...tails.keys()].slice(0, limit))
  return [...members.values()].map((member) => ({ member, tail: tails.get(member._id) ?? '' }))
}

export async function searchMembers(query: string, limit: number, phones: PhoneBook): Promise<{ items: MemberPick[] }> {
  const q = query.trim()
  const phoneHits = PHONE_TAIL.test(q) ? await byPhoneTail(phones, q, limit) : []
  const nameHits = await byNickname(q, limit)
  const seen = new Set<string>()
  const picked: { member: MemberDoc; tail: string | null }[] = []
  for (const hit of [...phoneHits, ...nameHits.map((member) => ({ member, tail: null }))]) {
    if (seen.has(hit.member._id) || picked.length >= limit) continue
    seen.add(hit.member._id)
    picked.push(hit)
  }
  await withPublicIds(picked.map((p) => p.member))
  return { items: picked.map((p) => toMemberPick(p.member, p.tail)) }
}

/** Teachers and admins, newest first (at most 100: a company's staff). */
export async function staffList(): Promise<{ items: MemberPick[] }> {
  const _ = command()
  const res = await repo
    .col(MEMBERS)
    .where({ roles: _.in(['teacher', 'admin'] satisfies Role[]) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  const members = res.data
  await withPublicIds(members)
  return { items: members.map((m) => toMemberPick(m)) }
}

/** The member a handle names, or null. The stored field is only an index: the handle must re-derive from the openid. */
export async function memberByHandle(handle: string): Promise<MemberDoc | null> {
  const res = await repo.col(MEMBERS).where({ publicId: handle }).limit(2).get()
  const found = res.data.filter((m) => publicIdOf(m._id) === handle)
  return found.length === 1 ? found[0] : null
}

/** The nickname and handle of each openid (ledger rows, period teachers); unknown ones get a placeholder. */
export async function picksOf(openids: readonly string[]): Promise<Map<string, MemberPick>> {
  const unique = [...new Set(openids)]
  const found = await repo.byIds(MEMBERS, unique)
  await withPublicIds([...found.values()])
  const out = new Map<string, MemberPick>()
  for (const id of unique) {
    const m = found.get(id)
    out.set(id, toMemberPick(m ?? { _id: id, nickname: '', avatarFileId: '', roles: ['member'] }))
  }
  return out
}
