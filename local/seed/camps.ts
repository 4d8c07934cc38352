/**
 * Demo camps, written through the camp services (the same documents, ledger entries and balances production writes):
 *  - 英语口语 21 天打卡营 第 1 期, started 10 business days ago, bound to the dev camp group, streak tiers (×1.2 from 7
 *    days, ×1.5 from 14) and badge points set in 激励设置 before anyone joined, the 12 dev members
 *    joined, ~10 days of varied check-in history (streaks, gaps, a make-up, some from the group chat, a few featured),
 *    dev-teacher-01/02 as its teachers; 李老师 (dev-teacher-01) reviewed the last two days of six members (comments and
 *    stars, through the review service), and today's early check-ins wait in the teachers' queue;
 *  - 创意绘画 7 天打卡营 第 1 期, starting tomorrow, open for joining.
 * Call after the members exist (seedDemoData writes them first).
 */
import type { AppEmulator as Emulator } from '../app-emulator'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { CAMP_GROUP } from '../dev/personas'
import { solidPng } from './demo-files'
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { DEFAULT_MAKEUP_POLICY, type DailyTask, type PeriodDoc } from '../../cloudfunctions/src/domain/camp'

const DAY = 86_400_000
const HOUR = 3_600_000
const ADMIN = 'dev-admin'
const TEACHERS = ['dev-teacher-01', 'dev-teacher-02']
const MEMBERS = Array.from({ length: 12 }, (_, i) => `dev-member-${String(i + 1).padStart(2, '0')}`)
const HISTORY_DAYS = 10

const ENGLISH_THEMES = [
  'Introduce yourself',
  'My family',
  'My favourite food',
  'A day at school',
  'Weather today',
  'My best friend',
  'Weekend plans',
  'Animals I like',
  'My hometown',
  'A book I read',
  'Sports and games',
  'At the supermarket',
  'My dream job',
  'Festivals in China',
  'Healthy habits',
  'A trip I remember',
  'Music I love',
  'How I help at home',
  'Seasons of the year',
  'What I learned this camp',
  'A letter to my future self',
]
const DRAWING_THEMES = ['线条练习', '我的家', '四季的树', '可爱的动物', '城市夜景', '自画像', '自由创作']

const LINES = [
  'Today I practised reading the dialogue three times and recorded it.',
  'I can say the new words without looking at the book now!',
  '今天跟读了 15 分钟，发音比昨天清楚多了。',
  'I talked about my family with my mum in English.',
  '孩子今天主动要求再读一遍，很开心。',
  'The weather is sunny today. I like sunny days.',
  '今天的句型有点难，多练了几遍。',
  'I learned five new words: apple, banana, orange, grape, pear.',
]

const TEACHER_COMMENTS = [
  '发音很清楚，语调再自然一点就更棒了！',
  'Great job! 句子完整，继续保持。',
  '今天的表达很有进步，注意 th 的发音。',
  '内容很丰富，下次试着多用一个形容词。',
]

const task = (day: number, theme: string, instructions: string): DailyTask => ({ day, theme, instructions })

/** Who checks in on which past day: everyone differs (long streaks, broken ones, late starters, quitters). */
function checksIn(member: number, day: number): boolean {
  if (member === 0 || member === 1) return true // two perfect streaks
  if (member === 2) return day !== 5 // one gap, made up later
  if (member === 3) return day % 4 !== 0
  if (member === 4) return day <= 6 // stopped
  if (member === 5) return day >= 4 // late starter
  if (member === 10 || member === 11) return day % 3 !== 1 // not in the group chat
  return (member * 7 + day * 3) % 5 !== 0
}

/** A time during the business day `day` (Shanghai), spread over the morning and the evening. */
const atOnDay = (day: string, member: number, dayIndex: number) =>
  businessDayStart(day) + (7 + ((member * 5 + dayIndex * 3) % 15)) * HOUR + ((member * 13) % 60) * 60_000

/** Answers the English period's id (the community seed splits it into teams). */
export async function seedCamps(emu: Emulator, now: number): Promise<{ englishPeriodId: string }> {
  pointSdkAt(emu.url)
  const { createCamp, createPeriod, updatePeriod } = await import('../../cloudfunctions/src/services/camp/admin')
  const { addBoundGroup } = await import('../../cloudfunctions/src/services/camp/groups')
  const { setPeriodIncentives } = await import('../../cloudfunctions/src/services/camp/incentives')
  const { joinPeriod } = await import('../../cloudfunctions/src/services/camp/join')
  const { commitCheckin } = await import('../../cloudfunctions/src/services/camp/checkin')
  const { makeUp } = await import('../../cloudfunctions/src/services/camp/makeup')
  const { setReminder } = await import('../../cloudfunctions/src/services/camp/reminders')
  const { reviewCredits } = await import('../../cloudfunctions/src/services/review/credits')
  const { writeReview } = await import('../../cloudfunctions/src/services/review/submit')
  const { checkinId } = await import('../../cloudfunctions/src/domain/camp')
  const { withTransaction } = await import('../../cloudfunctions/src/shared/db')
  const { checkinInTx, updateCheckinInTx } = await import('../../cloudfunctions/src/services/camp/checkin-tx')
  const { bumpQueueCountersInTx } = await import('../../cloudfunctions/src/services/camp/queue-counters')

  const must = <T>(value: T | { ok: false; code: string }, what: string): T => {
    if (value && typeof value === 'object' && 'ok' in value && value.ok === false) throw new Error(`seed ${what}: ${value.code}`)
    return value as T
  }
  const today = businessDay(now)
  // Real cover images in the emulator's storage, so the camp list shows them.
  const englishCover = await emu.storage.put('covers/camps/english.png', solidPng(480, 270, [25, 137, 250]))
  const drawingCover = await emu.storage.put('covers/camps/drawing.png', solidPng(480, 270, [255, 151, 106]))
  const english = await createCamp(
    {
      title: '英语口语 21 天打卡营',
      subject: 'english',
      gradeTags: ['g2', 'g3', 'g4'],
      coverFileId: englishCover,
      description: '每天 10 分钟跟读和口语表达，老师逐条点评，21 天养成开口说英语的习惯。',
      scoreScale: 'stars5',
    },
    'seed-camp-english',
    ADMIN,
    now - 20 * DAY,
  )
  const startDay = addDays(today, -HISTORY_DAYS)
  const period = must<PeriodDoc>(
    await createPeriod(
      {
        campId: english.camp._id,
        index: 1,
        lengthDays: 21,
        startDay,
        tasks: ENGLISH_THEMES.map((theme, i) => task(i + 1, theme, `用 3–5 句英语说说「${theme}」，录一段语音或写下来。`)),
        contentTypes: ['text', 'voice', 'image'],
        window: null,
        cutoffMinutes: 0,
        capacity: 200,
        entry: { kind: 'open' },
        joinUntilDay: 7,
        points: {
          perCheckin: 10,
          streakMilestones: [
            { days: 7, bonus: 30 },
            { days: 14, bonus: 60 },
            { days: 21, bonus: 100 },
          ],
          completion: { minCheckins: 15, bonus: 100 },
          groupMultiplier: 2,
        },
        makeup: DEFAULT_MAKEUP_POLICY,
        teacherIds: TEACHERS,
        teacherTeams: {},
      },
      'seed-period-english-1',
      ADMIN,
      now - 15 * DAY,
    ),
    'english period',
  )
  // The operator bound the camp group from inside it (what 绑定此群 does after resolving the CloudID).
  must(await addBoundGroup(period._id, CAMP_GROUP, ADMIN, now - 15 * DAY), 'bind english group')
  const published = must<PeriodDoc>(await updatePeriod(period._id, { status: 'open' }, now - 14 * DAY), 'publish english')
  // 激励设置 before anyone joined: ×1.2 from 7 days in a row, ×1.5 from 14, and points for two badges (首次精选 stays 0).
  const incentives = {
    tiers: [
      { fromDays: 7, multiplier: 1.2 },
      { fromDays: 14, multiplier: 1.5 },
    ],
    badgePoints: { streak_7: 20, perfect_week: 30 },
  }
  must(await setPeriodIncentives(period._id, incentives, now - 14 * DAY), 'english incentives')
  const live: PeriodDoc = { ...published, incentives }

  const joinedAt = businessDayStart(addDays(startDay, -1)) + 20 * HOUR
  for (const [i, m] of MEMBERS.entries())
    must(await joinPeriod({ periodId: live._id, memberId: m, now: joinedAt + i * 60_000 }), `join ${m}`)

  const featured: string[] = []
  for (let d = 1; d <= HISTORY_DAYS; d++) {
    const day = addDays(startDay, d - 1)
    for (const [i, m] of MEMBERS.entries()) {
      if (!checksIn(i, d)) continue
      const at = atOnDay(day, i, d)
      const fromGroup = i < 10 && (i + d) % 3 === 0
      const content = { text: LINES[(i + d) % LINES.length], images: [], voice: null }
      const out = await commitCheckin(live, m, { content, textVerdict: 'pass' }, fromGroup, at)
      if (!out.ok) throw new Error(`seed check-in ${m} ${day}: ${out.code}`)
      if ((i + d) % 11 === 0) featured.push(out.checkin._id)
    }
    // dev-member-03 missed day 5 and made it up late on day 6.
    if (d === 6) must(await makeUp(live._id, MEMBERS[2], addDays(startDay, 4), businessDayStart(day) + 23 * HOUR), 'make-up')
  }
  // Marked reviewed in a transaction that moves the review queue's backlog counters with it, as a review would.
  for (const [k, id] of featured.entries())
    await withTransaction(async (tx) => {
      const before = await checkinInTx(tx, id)
      if (!before) throw new Error(`seed featured check-in ${id} is missing`)
      const patch = { featured: true, featuredAt: now - (featured.length - k) * HOUR, reviewStatus: 'reviewed' as const }
      await updateCheckinInTx(tx, id, patch)
      await bumpQueueCountersInTx(tx, before, { ...before, ...patch })
    })

  // 李老师 reviewed the last two days of the first six members in the evening (a featured one is skipped: no review doc).
  for (const d of [HISTORY_DAYS - 1, HISTORY_DAYS])
    for (const [i, m] of MEMBERS.slice(0, 6).entries()) {
      if (!checksIn(i, d)) continue
      const day = addDays(startDay, d - 1)
      const request = {
        action: 'submitReview' as const,
        checkinId: checkinId(live._id, day, m),
        comment: TEACHER_COMMENTS[(i + d) % TEACHER_COMMENTS.length],
        voice: null,
        annotatedImages: [],
        score: 5 - ((i + d) % 2),
      }
      await writeReview(TEACHERS[0], request, businessDayStart(day) + 21 * HOUR + i * 60_000)
    }

  // Today (第 11 天): early birds already checked in and wait in the queue; some members chose a reminder time.
  // Shortly after midnight "40 minutes ago" is yesterday: then they checked in during today's first minutes instead, so
  // today always has its early birds (the e2e dashboard test ran at 00:08 Shanghai and saw 第 11 天 at 0 of 12).
  const dayStart = businessDayStart(today)
  for (const [k, m] of MEMBERS.slice(0, 6).entries()) {
    const minutesAgo = now - (5 + k * 7) * 60_000
    const early = minutesAgo >= dayStart ? minutesAgo : dayStart + Math.floor(((now - dayStart) * k) / 6)
    if (businessDay(early) === today) {
      await commitCheckin(
        live,
        m,
        { content: { text: 'Good morning! Today I read the new story aloud.', images: [], voice: null }, textVerdict: 'pass' },
        true,
        early,
      )
    }
  }
  for (const [i, m] of MEMBERS.slice(0, 6).entries())
    await setReminder(live._id, m, ['07:30', '19:00', '20:30'][i % 3], now - HOUR, reviewCredits)

  const drawing = await createCamp(
    {
      title: '创意绘画 7 天打卡营',
      subject: 'art',
      gradeTags: ['g1', 'g2', 'g3'],
      coverFileId: drawingCover,
      description: '每天一个小主题，拍照上传作品，老师点评构图和色彩。',
      scoreScale: 'abc',
    },
    'seed-camp-drawing',
    ADMIN,
    now - 3 * DAY,
  )
  const sketch = must<PeriodDoc>(
    await createPeriod(
      {
        campId: drawing.camp._id,
        index: 1,
        lengthDays: 7,
        startDay: addDays(today, 1),
        tasks: DRAWING_THEMES.map((theme, i) => task(i + 1, theme, `画一幅「${theme}」，拍照上传（最多 9 张）。`)),
        contentTypes: ['image', 'text'],
        window: { start: '06:00', end: '23:00' },
        cutoffMinutes: 0,
        capacity: 50,
        entry: { kind: 'open' },
        joinUntilDay: null,
        points: {
          perCheckin: 10,
          streakMilestones: [{ days: 7, bonus: 50 }],
          completion: { minCheckins: 5, bonus: 60 },
          groupMultiplier: 2,
        },
        makeup: { maxCount: 1, withinDays: 2, cost: 10, keepsStreak: false },
        teacherIds: [TEACHERS[1]],
        teacherTeams: {},
      },
      'seed-period-drawing-1',
      ADMIN,
      now - 2 * DAY,
    ),
    'drawing period',
  )
  must(await addBoundGroup(sketch._id, CAMP_GROUP, ADMIN, now - 2 * DAY), 'bind drawing group')
  must(await updatePeriod(sketch._id, { status: 'open' }, now - 2 * DAY), 'publish drawing')
  for (const m of MEMBERS.slice(6, 9)) must(await joinPeriod({ periodId: sketch._id, memberId: m, now: now - DAY }), `join drawing ${m}`)
  return { englishPeriodId: live._id }
}
