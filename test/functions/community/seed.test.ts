/** The demo teams (local/seed/community.ts): what a developer sees after `npm start` as a 组长 or an operator. */
import { REMINDER_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/camp'
import { seedDemoData } from '../../../local/seed'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { communityOk } from './support'

let h: FunctionsHarness
let periodId: string

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await seedDemoData(h.emu)
  const [english] = (await h.emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  periodId = english._id
}, 120_000)
afterAll(() => h.close())

describe('demo teams', () => {
  it('should split the English period into three named teams, each with a 组长 and a 学习委员', async () => {
    const view = await communityOk(h, 'teams', { periodId }, 'dev-admin')
    expect(view.teams.map((t) => [t.name, t.size, t.leaders.map((p) => p.nickname), t.studyOfficers.map((p) => p.nickname)])).toEqual([
      ['晨读队', 4, ['小明妈妈'], ['乐乐爸爸']],
      ['飞鸟队', 4, ['子涵'], ['一诺爸爸']],
      ['星光队', 4, ['梓萱'], ['宇轩爸爸']],
    ])
    const board = await communityOk(h, 'board', { periodId, board: 'period' }, 'dev-member-09')
    expect(board.rows).toHaveLength(3)
  })

  it("should show 星光队's 组长 who has not checked in today and let her remind the two who turned reminders on", async () => {
    const day = await communityOk(h, 'teamDay', { periodId }, 'dev-member-09')
    expect(day.team.name).toBe('星光队')
    expect(day.checkedIn).toEqual([])
    expect(day.notYet.map((r) => [r.member.nickname, r.reminder?.label ?? null])).toEqual([
      ['梓萱', null],
      ['宇轩爸爸', '未开启提醒'],
      ['思琪', '可提醒'],
      ['俊杰妈妈', '可提醒'],
    ])
    expect(day.remindable).toBe(2)
    expect(await communityOk(h, 'remindTeam', { periodId }, 'dev-member-09')).toEqual({
      sent: 2,
      alreadyReminded: 0,
      noCredit: 1,
      failed: 0,
    })
    const sent = h.emu.openapi.outbox().filter((m) => m.templateId === REMINDER_TEMPLATE_ID)
    expect(sent.map((m) => m.touser).sort()).toEqual(['dev-member-11', 'dev-member-12'])
  })
})
