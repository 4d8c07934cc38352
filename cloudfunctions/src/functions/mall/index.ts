import { MallRequest } from '../../contracts/mall'
import type { MallResults } from '../../contracts/results'
import type { OrderActor } from '../../domain/mall'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction, type ActionContext } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { addCodes } from '../../services/mall/codes'
import { createItem, getItem, listItems, updateItem } from '../../services/mall/items'
import { cancelOrder, fulfilmentQueue, fulfilOrder, getOrder, ordersOf } from '../../services/mall/orders'
import { migrateDueOrders, migrateLegacyOrders } from '../../services/mall/migrate'
import { redeem } from '../../services/mall/redeem'
import { materialExists } from '../../services/materials/lookups'
import { rejectMall } from '../../domain/mall'

const ADMIN = ['admin'] as const
/** Any member, but the handler loads roles because staff see more (off-shelf items, others' orders). */
const ANYONE_STAFF_AWARE = ['member', 'admin'] as const
const isStaff = (ctx: ActionContext) => ctx.roles.has('admin')
const memberActor = (ctx: ActionContext): OrderActor => ({ role: 'member', memberId: ctx.who.openid })
const staffActor = (ctx: ActionContext): OrderActor => ({ role: 'staff', staffId: ctx.who.openid })

export const main = defineFunction(
  actionsFrom<typeof MallRequest, MallResults>(MallRequest, {
    listItems: {
      roles: ANYONE_STAFF_AWARE,
      run: async ({ cursor, limit }, ctx) => listItems({ staff: isStaff(ctx), cursor, limit, now: now() }),
    },
    getItem: { roles: ANYONE_STAFF_AWARE, run: async ({ itemId }, ctx) => getItem(itemId, isStaff(ctx), now()) },
    redeem: {
      run: async ({ itemId, requestId, address }, { who }) => redeem({ memberId: who.openid, itemId, requestId, address, now: now() }),
    },
    myOrders: { run: async ({ status, before, limit }, { who }) => ordersOf(who.openid, status, before, limit) },
    getOrder: {
      roles: ANYONE_STAFF_AWARE,
      run: async ({ orderId }, ctx) => getOrder(orderId, { memberId: ctx.who.openid, staff: isStaff(ctx) }),
    },
    revealCode: { run: async ({ orderId }, ctx) => fulfilOrder(orderId, memberActor(ctx), now()) },
    cancelOrder: { run: async ({ orderId }, ctx) => cancelOrder(orderId, memberActor(ctx), now()) },
    createItem: {
      roles: ADMIN,
      run: async ({ item, requestId }, { who }) => {
        // an unlock item that names no material would take members' points for nothing
        if (item.kind === 'unlock' && !(await materialExists(item.unlockTargetId))) return rejectMall('MALL.UNLOCK_TARGET_NOT_FOUND')
        return createItem(item, requestId, who.openid, now())
      },
    },
    updateItem: { roles: ADMIN, run: async ({ itemId, patch }) => updateItem(itemId, patch, now()) },
    addCodes: { roles: ADMIN, run: async ({ poolId, codes }) => addCodes(poolId, codes) },
    fulfilmentQueue: { roles: ADMIN, run: async ({ status, before, limit }) => fulfilmentQueue(status, before, limit) },
    fulfilOrder: { roles: ADMIN, run: async ({ orderId, trackingNo }, ctx) => fulfilOrder(orderId, staffActor(ctx), now(), trackingNo) },
    migrateLegacyOrders: { roles: ADMIN, run: async ({ after, limit }) => migrateLegacyOrders(after, limit) },
  }),
  { timer: timerJobs('mall', { orders: () => migrateDueOrders() }) },
)
