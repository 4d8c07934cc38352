/**
 * Every write of an invite's settlement (qualify + reward, one transaction) and of opening a material (the download
 * count and its event, one transaction) fails cleanly (issue #12 "Proof": settle and show; failure shape:
 * platform-facts "errCode -502001 is generic"): SYS.*, the database as before, and a retry that succeeds once.
 */
import { INVITE_CODE_ALPHABET, INVITE_REWARD_POINTS } from '../../../cloudfunctions/src/domain/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { arriveByPoster, checkinDocFor, inviteOf, inviterWithCode, rewardEntries } from '../invites/support'
import { giveMaterial, openFile } from '../materials/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('materials-admin', ['admin'])
})
afterAll(() => h.close())

const typesOf = async (memberId: string, types: string[]) =>
  ((await h.emu.db.find('events', { memberId })) as { type: string }[])
    .map((e) => e.type)
    .filter((t) => types.includes(t))
    .sort()

let codes = 0
/** A fresh six-character invite code per run. */
const nextCode = () => {
  const n = codes++
  const a = INVITE_CODE_ALPHABET
  return `SE${a[Math.floor(n / a.length) % a.length]}${a[n % a.length]}TT`
}

/** The inviter opens 我的邀请 after their friend's first check-in: the page settles the invite on the spot. */
const settleFlow: FaultFlow<{ inviter: string; friend: string }> = {
  name: 'settle',
  async prepare(h, who) {
    const code = await inviterWithCode(h, who, nextCode())
    const friend = `${who}-friend`
    await arriveByPoster(h, friend, code)
    await checkinDocFor(h, friend, 'p-settle')
    return { inviter: who, friend }
  },
  act: (h, { inviter }) => h.call('invites', { action: 'mine' }, inviter),
  async outcome(h, { inviter, friend }) {
    const invite = await inviteOf(h, friend)
    const [balance] = (await h.emu.db.find('points_balances', { _id: inviter })) as { balance: number }[]
    return {
      status: invite.status,
      points: invite.points ?? 0,
      rewards: await rewardEntries(h, inviter),
      balance: balance?.balance ?? 0,
      inviterEvents: await typesOf(inviter, ['invite_rewarded']),
      friendEvents: await typesOf(friend, ['invite_qualified']),
    }
  },
}

let materialId: string | undefined
/** A member opens a free material's file: one download counted, with its event. */
const openFlow: FaultFlow<string> = {
  name: 'material-open',
  async prepare(h, who) {
    materialId ??= (await giveMaterial(h, { rule: { kind: 'free' } })).id
    await h.member(who)
    return who
  },
  act: (h, who) => openFile(h, who, materialId as string),
  async outcome(h, who) {
    const [mine] = (await h.emu.db.find('material_downloads', { memberId: who })) as { count: number }[]
    const events = await typesOf(who, ['material_download'])
    // Every open is a download of its own (a retry too): what must hold is one downloader record whose count is
    // exactly the number of download events, never a count without its event or the other way round.
    return { downloader: !!mine, countMatchesEvents: (mine?.count ?? 0) === events.length && events.length > 0 }
  },
}

describe('invite settlement under a failed write', () => {
  faultMatrix(settleFlow, () => h, 4)
  it('should have rewarded the clean run once', async () => {
    expect(await rewardEntries(h, 'settle-clean')).toBe(1)
    expect(await inviteOf(h, 'settle-clean-friend')).toMatchObject({ status: 'rewarded', points: INVITE_REWARD_POINTS })
  })
})
describe('opening a material under a failed write', () => faultMatrix(openFlow, () => h, 3))
