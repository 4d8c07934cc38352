/**
 * 绑定此群 under a failed write (issue #12's matrix): any failed write answers SYS.*, leaves the period's groups as
 * they were, and a retry binds the group once; a commit whose answer was lost answers the first result on retry.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { ADMIN, at, camp, campOk, groupCloudId, periodInput, requestId, today } from '../camp/support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 10:00')
  const created = await campOk(
    h,
    'createCamp',
    { requestId: requestId(), title: '绑定故障', subject: 'english', gradeTags: [], coverFileId: 'cloud://x/c.png', description: '' },
    ADMIN,
  )
  period = await campOk(h, 'createPeriod', periodInput(created.camp._id, today(h)), ADMIN)
})
afterAll(() => h.close())

/** Each run binds its own group (named after the fresh "member" the matrix hands out) to the one period. */
const bindFlow: FaultFlow<string> = {
  name: 'bind-group',
  prepare: async (_h, who) => `G_${who}`,
  act: (h, group) => camp(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, group) }, ADMIN),
  async outcome(h, group) {
    const [doc] = (await h.emu.db.find('periods', { _id: period._id })) as PeriodDoc[]
    return { bound: doc.boundGroups.filter((g) => g.groupId === group).length }
  },
}

describe('group binding under a failed write', () => faultMatrix(bindFlow, () => h, 1))
