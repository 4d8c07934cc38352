import { ClassesRequest } from '../../contracts/classes'
import type { ClassesResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction, type ActionContext } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { addSession, createClass, updateClass, updateSession } from '../../services/classes/admin'
import { getClass, listClasses, mySignups } from '../../services/classes/browse'
import { cancelSignup } from '../../services/classes/cancel'
import { sendClassReminders, subscribeReminder } from '../../services/classes/reminders'
import { signUp } from '../../services/classes/signup'
import { leads, markAttendance, roster, updateLead } from '../../services/classes/staff'
import { sweepWaitlists } from '../../services/classes/waitlist'

const ADMIN = ['admin'] as const
/** Sales and teachers work the rosters and leads. */
const STAFF = ['admin', 'teacher'] as const
/** Any member; roles are loaded because staff may also open classes that are off the shelf. */
const ANYONE_STAFF_AWARE = ['member', 'admin', 'teacher'] as const
const isStaff = (ctx: ActionContext) => ctx.roles.has('admin') || ctx.roles.has('teacher')

export const main = defineFunction(
  actionsFrom<typeof ClassesRequest, ClassesResults>(ClassesRequest, {
    listClasses: { run: async ({ subject, grade, cursor, limit }) => listClasses({ subject, grade, cursor, limit }) },
    getClass: {
      roles: ANYONE_STAFF_AWARE,
      run: async ({ classId }, ctx) => getClass(classId, { memberId: ctx.who.openid, staff: isStaff(ctx) }, now()),
    },
    signUp: {
      run: async ({ classId, sessionId, phone, childGrade }, { who }) =>
        signUp({ memberId: who.openid, classId, sessionId, phone, childGrade, now: now() }),
    },
    cancelSignup: { run: async ({ classId }, { who }) => cancelSignup(classId, who.openid, now()) },
    mySignups: { run: async ({ cursor, limit }, { who }) => mySignups(who.openid, { cursor, limit }, now()) },
    subscribeReminder: { run: async ({ classId, accepted }, { who }) => subscribeReminder(classId, who.openid, accepted, now()) },
    adminClasses: { roles: STAFF, run: async ({ cursor, limit }) => listClasses({ cursor, limit, staff: true }) },
    createClass: { roles: ADMIN, run: async ({ cls, requestId }, { who }) => createClass(cls, requestId, who.openid, now()) },
    updateClass: { roles: ADMIN, run: async ({ classId, patch }) => updateClass(classId, patch, now()) },
    addSession: {
      roles: ADMIN,
      run: async ({ classId, session, requestId }, { who }) => addSession(classId, session, requestId, who.openid, now()),
    },
    updateSession: { roles: ADMIN, run: async ({ sessionId, patch }) => updateSession(sessionId, patch, now()) },
    roster: { roles: STAFF, run: async ({ sessionId }) => roster(sessionId, now()) },
    markAttendance: { roles: STAFF, run: async ({ signupId, mark }) => markAttendance(signupId, mark, now()) },
    leads: { roles: STAFF, run: async ({ stage, cursor, limit }) => leads(stage, { cursor, limit }) },
    updateLead: { roles: STAFF, run: async ({ signupId, stage, note }, ctx) => updateLead(signupId, stage, note, ctx.who.openid, now()) },
  }),
  { timer: timerJobs('classes', { reminders: () => sendClassReminders(now()), waitlist: () => sweepWaitlists(now()) }) },
)
