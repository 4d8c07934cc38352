/**
 * Every write of a mall redemption and of its cancel, a points unlock and a free-class signup fails cleanly (issue #12
 * item 1; failure shape: platform-facts "errCode -502001 is generic").
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { ADDRESS, fund as fundMall, giveItem, redeem } from '../mall/support'
import { fund as fundMaterials, giveMaterial, unlock } from '../materials/support'
import { giveClass, giveSession, signUp } from '../classes/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member('mall-admin', ['admin'])
  await h.member('materials-admin', ['admin'])
  await h.member('class-admin', ['admin'])
})
afterAll(() => h.close())

const eventsOf = async (who: string) => ((await h.emu.db.find('events', { memberId: who })) as { type: string }[]).map((e) => e.type).sort()
const ledgerOf = async (who: string) =>
  ((await h.emu.db.find('points_entries', { memberId: who })) as { reason: string; amount: number }[])
    .map((e) => `${e.reason}:${e.amount}`)
    .sort()
const balanceDoc = async (who: string) => ((await h.emu.db.find('points_balances', { _id: who })) as { balance: number }[])[0]?.balance

let itemId: string | undefined
const redeemFlow: FaultFlow<string> = {
  name: 'redeem',
  async prepare(h, who) {
    itemId ??= (await giveItem(h, { kind: 'physical', stock: 500, cost: 30 })).id
    await h.member(who)
    await fundMall(h, who, 100)
    return who
  },
  act: (h, who) => redeem(h, who, itemId as string, `order-${who}`, ADDRESS),
  async outcome(h, who) {
    // An order is stored on its redeem entry (`order`); the legacy mall_orders collection must stay empty.
    const entries = (await h.emu.db.find('points_entries', { memberId: who, reason: 'redeem' })) as {
      order?: { status: string; cost: number }
    }[]
    return {
      orders: entries.map((e) => (e.order ? `${e.order.status}:${e.order.cost}` : 'no order')),
      legacy: await h.emu.db.count('mall_orders', { memberId: who }),
      ledger: await ledgerOf(who),
      balance: await balanceDoc(who),
    }
  },
}

/** A cancel rewrites the order on its redeem entry and books the refund beside it: every write failed in turn. */
const cancelFlow: FaultFlow<{ who: string; orderId: string }> = {
  name: 'cancel',
  async prepare(h, who) {
    itemId ??= (await giveItem(h, { kind: 'physical', stock: 500, cost: 30 })).id
    await h.member(who)
    await fundMall(h, who, 100)
    const made = await redeem(h, who, itemId, `order-${who}`, ADDRESS)
    if (made.code !== 0) throw new Error(JSON.stringify(made))
    return { who, orderId: made.data.id }
  },
  act: (h, { who, orderId }) => h.call('mall', { action: 'cancelOrder', orderId }, who),
  outcome: (h, { who }) => redeemFlow.outcome(h, who),
}

let materialId: string | undefined
const unlockFlow: FaultFlow<string> = {
  name: 'points-unlock',
  async prepare(h, who) {
    materialId ??= (await giveMaterial(h, { rule: { kind: 'points', cost: 40 } })).id
    await h.member(who)
    await fundMaterials(h, who, 100)
    return who
  },
  act: (h, who) => unlock(h, who, materialId as string),
  async outcome(h, who) {
    const unlocks = (await h.emu.db.find('material_unlocks', { memberId: who })) as { via: string; cost: number }[]
    return {
      unlocks: unlocks.map((u) => `${u.via}:${u.cost}`),
      ledger: await ledgerOf(who),
      balance: await balanceDoc(who),
      events: await eventsOf(who),
    }
  },
}

let session: { classId: string; sessionId: string } | undefined
const signupFlow: FaultFlow<string> = {
  name: 'class-signup',
  async prepare(h, who) {
    if (!session) {
      const cls = await giveClass(h)
      session = { classId: cls.id, sessionId: (await giveSession(h, cls.id, { capacity: 500 })).id }
    }
    await h.member(who)
    return who
  },
  act: (h, who) => signUp(h, who, session!.classId, session!.sessionId),
  async outcome(h, who) {
    const signups = (await h.emu.db.find('class_signups', { memberId: who })) as { status: string }[]
    return { signups: signups.map((s) => s.status), ledger: await ledgerOf(who), events: await eventsOf(who) }
  },
}

describe('redemption under a failed write', () => faultMatrix(redeemFlow, () => h, 4))
describe('order cancel under a failed write', () => faultMatrix(cancelFlow, () => h, 5))
describe('points unlock under a failed write', () => faultMatrix(unlockFlow, () => h, 3))
describe('free-class signup under a failed write', () => faultMatrix(signupFlow, () => h, 2))
