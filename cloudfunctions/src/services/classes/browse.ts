/** Member reads: the class list (on the shelf, by subject/grade), a class with its sessions, my signups. */
import {
  toClassView,
  toMySignupView,
  toSessionView,
  type ClassDetailView,
  type ClassPage,
  type MySignupPage,
} from '../../contracts/class-views'
import { rejectClass, signupIdOf, type ClassRejection } from '../../domain/classes'
import type { Grade, Subject } from '../../domain/identity'
import { track } from '../tracking/track'
import { takenOf } from './seats'
import { CLASSES, pageBy, sessionsOf, SIGNUPS, type PageQuery, repo } from './store'
import { waitlistPosition } from './waitlist'

/** Indexes shelf_created / shelf_subject_created / shelf_grade_created / shelf_subject_grade_created (or `created` for staff). */
export async function listClasses(q: PageQuery & { subject?: Subject; grade?: Grade; staff?: boolean }): Promise<ClassPage> {
  const where: Record<string, unknown> = q.staff ? {} : { onShelf: true }
  if (q.subject) where.subject = q.subject
  if (q.grade) where.grades = q.grade
  const page = await pageBy(CLASSES, where, q)
  return { items: page.items.map(toClassView), cursor: page.cursor }
}

export async function getClass(
  classId: string,
  viewer: { memberId: string; staff: boolean },
  now: number,
): Promise<ClassDetailView | ClassRejection> {
  const cls = await repo.get(CLASSES, classId)
  if (!cls || (!cls.onShelf && !viewer.staff)) return rejectClass('CLASS.NOT_FOUND')
  const [sessions, mine] = await Promise.all([sessionsOf(classId), repo.get(SIGNUPS, signupIdOf(classId, viewer.memberId))])
  const taken = await takenOf(sessions.map((s) => s._id))
  // Staff opening a class to manage it is not a member's interest.
  if (!viewer.staff) await track({ type: 'class_view', memberId: viewer.memberId, ref: classId }, now)
  return {
    cls: toClassView(cls),
    sessions: sessions.map((s) => toSessionView(s, taken.get(s._id) ?? 0, now)),
    mySignup: mine ? toMySignupView(mine, now, await waitlistPosition(mine)) : null,
  }
}

/** Index member_created. */
export async function mySignups(memberId: string, q: PageQuery, now: number): Promise<MySignupPage> {
  const page = await pageBy(SIGNUPS, { memberId }, q)
  const positions = await Promise.all(page.items.map((s) => waitlistPosition(s)))
  return { items: page.items.map((s, i) => toMySignupView(s, now, positions[i])), cursor: page.cursor }
}
