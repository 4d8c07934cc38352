import { CampRequest } from '../../contracts/camp'
import { adminPeriodAnswer, type CampResults } from '../../contracts/camp-results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { adminCamp, adminCamps, createCamp, createPeriod, setTasks, updateCamp, updatePeriod } from '../../services/camp/admin'
import { leaderboard, feed } from '../../services/camp/boards'
import { campDetail, listCamps } from '../../services/camp/browse'
import { submitCheckin } from '../../services/camp/checkin'
import { closePeriod, completeEndedPeriods } from '../../services/camp/completion'
import { editCheckin } from '../../services/camp/edit'
import { bindGroup, groupBinding, unbindGroup } from '../../services/camp/groups'
import { joinPeriod } from '../../services/camp/join'
import { makeUp } from '../../services/camp/makeup'
import { home } from '../../services/camp/home'
import { certificate, myPeriods } from '../../services/camp/member-views'
import { sendDueReminders } from '../../services/camp/reminder-timer'
import { recordSubscription, setReminder } from '../../services/camp/reminders'
import { periodTeachers, setPeriodTeacher } from '../../services/camp/teachers'
import { reviewCredits } from '../../services/review/credits'
import { calendarOf, today } from '../../services/review/member-views'
import { myCheckin } from '../../services/review/my-checkin'
import { myUnreadReviews } from '../../services/review/reads'

const ADMIN = ['admin'] as const
/** Group binding: the policy (`period.bindGroup`) narrows teachers to their own periods. */
const OPERATORS = ['admin', 'teacher'] as const

/**
 * Check-in camps. Identity is `who.openid` (getWXContext) only; every request schema is strict. The member views that
 * show a teacher's feedback (today, calendar, myCheckin) are composed by the review feature, and home and the
 * subscription actions get review's reads and credits passed in: camp itself never depends on review.
 */
export const main = defineFunction(
  actionsFrom<typeof CampRequest, CampResults>(CampRequest, {
    // admin
    createCamp: {
      roles: ADMIN,
      run: async ({ action: _a, requestId, ...setup }, { who }) => createCamp(setup, requestId, who.openid, now()),
    },
    updateCamp: { roles: ADMIN, run: async ({ action: _a, campId, ...patch }) => updateCamp(campId, patch, now()) },
    createPeriod: {
      roles: ADMIN,
      run: async ({ action: _a, requestId, ...setup }, { who }) =>
        createPeriod(setup, requestId, who.openid, now()).then(adminPeriodAnswer),
    },
    updatePeriod: {
      roles: ADMIN,
      run: async ({ action: _a, periodId, ...patch }) => updatePeriod(periodId, patch, now()).then(adminPeriodAnswer),
    },
    setTasks: { roles: ADMIN, run: async ({ periodId, tasks }) => setTasks(periodId, tasks, now()).then(adminPeriodAnswer) },
    closePeriod: { roles: ADMIN, run: async ({ periodId }) => closePeriod(periodId, now()).then(adminPeriodAnswer) },
    groupBinding: {
      roles: OPERATORS,
      run: async ({ periodId, groupCloudId }, { who, roles }) =>
        groupBinding(periodId, { _id: who.openid, roles: [...roles] }, groupCloudId),
    },
    bindGroup: {
      roles: OPERATORS,
      run: async ({ periodId, groupCloudId }, { who, roles }) =>
        bindGroup(periodId, { _id: who.openid, roles: [...roles] }, groupCloudId, now()),
    },
    unbindGroup: {
      roles: OPERATORS,
      run: async ({ periodId, groupId }, { who, roles }) => unbindGroup(periodId, { _id: who.openid, roles: [...roles] }, groupId, now()),
    },
    setPeriodTeacher: {
      roles: ADMIN,
      run: async ({ periodId, teacher, assigned }) => setPeriodTeacher(periodId, teacher, assigned, now()),
    },
    periodTeachers: { roles: ADMIN, run: async ({ periodId }) => periodTeachers(periodId) },
    adminCamps: { roles: ADMIN, run: async ({ limit }) => adminCamps(limit) },
    adminCamp: { roles: ADMIN, run: async ({ campId }) => adminCamp(campId) },
    // members
    listCamps: { run: async ({ subject, grade, limit }) => listCamps({ subject, grade, limit }, now()) },
    campDetail: { run: async ({ campId }, { who }) => campDetail(campId, who.openid, now()) },
    myPeriods: { run: async ({ limit }, { who }) => myPeriods(who.openid, limit, now()) },
    join: {
      run: async ({ periodId, inviteCode, groupCloudId }, { who }) =>
        joinPeriod({ periodId, memberId: who.openid, inviteCode, groupCloudId, now: now() }),
    },
    today: { run: async ({ periodId }, { who }) => today(periodId, who.openid, now()) },
    checkin: {
      run: async ({ periodId, text, images, voice, groupCloudId }, { who }) =>
        submitCheckin({ periodId, memberId: who.openid, content: { text, images, voice }, groupCloudId, now: now() }),
    },
    editCheckin: {
      run: async ({ periodId, day, text, images, voice }, { who }) =>
        editCheckin(periodId, who.openid, day, { text, images, voice }, now()),
    },
    makeup: { run: async ({ periodId, day }, { who }) => makeUp(periodId, who.openid, day, now()) },
    calendar: { run: async ({ periodId }, { who }) => calendarOf(periodId, who.openid, now()) },
    setReminder: { run: async ({ periodId, time }, { who }) => setReminder(periodId, who.openid, time, now(), reviewCredits) },
    subscribed: {
      run: async ({ periodId, accepted, requestId }, { who }) =>
        recordSubscription(periodId, who.openid, accepted, requestId, now(), reviewCredits),
    },
    leaderboard: { run: async ({ action: _a, ...input }, { who }) => leaderboard(input, who.openid, now()) },
    feed: { run: async ({ action: _a, ...input }) => feed(input) },
    certificate: { run: async ({ periodId }, { who }) => certificate(periodId, who.openid) },
    home: { run: async (_input, { who }) => home(who.openid, now(), myUnreadReviews) },
    myCheckin: { run: async ({ periodId, day }, { who }) => myCheckin(periodId, who.openid, day, now()) },
  }),
  {
    timer: timerJobs('camp', {
      reminders: () => sendDueReminders(now()),
      complete: () => completeEndedPeriods(now()),
    }),
  },
)
