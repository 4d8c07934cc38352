/**
 * The member's 日签 (rules in domain/community/day-card.ts). Reads by `_id` only: the period, then in one parallel round
 * the enrollment, the day's check-in, the camp and the profile; then, only for a day the member checked in, their
 * invite code and its image (invites' `inviteQrOf`: made once with `wxacode.getUnlimited`, then the stored file is
 * reused by the poster and every card) beside the cover's temp URL.
 * Nothing is written here but what invites stores (and its `invite_poster` event) the first time it makes the code
 * image; making or sharing the card pays nothing and records nothing of its own (运营规范 5.1).
 */
import type { DayCardView } from '../../contracts/community'
import { periodTitle } from '../../contracts/review-views'
import { todayOf } from '../../domain/camp'
import { dayCardFacts, rejectDayCard, type DayCardRejection } from '../../domain/community'
import { downloadUrl } from '../../shared/storage'
import { campForReport, checkinsOnDays, enrollmentForReport, periodForTeams } from '../camp/community-reads'
import { inviteQrOf } from '../invites/poster'
import { profilesOf } from './views'

export async function dayCard(
  periodId: string,
  memberId: string,
  day: string | undefined,
  now: number,
): Promise<DayCardView | DayCardRejection> {
  const period = await periodForTeams(periodId)
  if (!period || period.status === 'draft') return rejectDayCard('COMMUNITY.PERIOD_NOT_FOUND')
  const cardDay = day ?? todayOf(period, now)
  const [enrollment, checkins, camp, profiles] = await Promise.all([
    enrollmentForReport(period._id, memberId),
    checkinsOnDays(period._id, memberId, [cardDay]),
    campForReport(period.campId),
    profilesOf([memberId]),
  ])
  if (!enrollment) return rejectDayCard('COMMUNITY.NOT_ENROLLED')
  const facts = dayCardFacts({ period, enrollment, checkin: checkins[0] ?? null, day: cardDay })
  if ('ok' in facts) return facts
  // Only now, for a day the member did check in, is the code image made (or the stored one reused).
  const [qr, coverUrl] = await Promise.all([inviteQrOf(memberId, now), camp?.coverFileId ? downloadUrl(camp.coverFileId) : null])
  if (!qr) return rejectDayCard('COMMUNITY.DAY_CARD_QR_FAILED')
  return {
    periodId: period._id,
    campId: period.campId,
    campTitle: camp?.title ?? '',
    periodTitle: periodTitle({ ...period, campTitle: camp?.title }),
    day: facts.day,
    dayIndex: facts.dayIndex,
    lengthDays: period.lengthDays,
    theme: facts.theme,
    streak: facts.streak,
    text: facts.text,
    nickname: profiles.get(memberId)?.nickname || '学员',
    cover: camp?.coverFileId ? { fileId: camp.coverFileId, url: coverUrl } : null,
    code: qr.code,
    qrFileId: qr.qrFileId,
    qrUrl: qr.qrUrl,
  }
}
