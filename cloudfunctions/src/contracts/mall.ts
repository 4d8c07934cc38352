import { z } from 'zod'
import { EpochMsSchema } from './calendar'
import {
  ITEM_KIND_LABELS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  SALE_STATE_LABELS,
  saleStateOf,
  UNLOCK_TARGETS,
  type ItemKind,
  type MallItem,
  type MallOrder,
  type OrderStatus,
  type SaleState,
  type ShippingAddress,
} from '../domain/mall'
import { MAX_ENTRY_AMOUNT } from '../domain/points'
import { KeyPartSchema, PageLimitSchema, RequestIdSchema } from './points'

/** Inputs of the `mall` function (parsed at the handler) and the views its pages render. */

const Text = (min: number, max: number) => z.string().trim().min(min).max(max)
const EpochMs = EpochMsSchema

/**
 * Raw address as typed: only shape and size are checked here, so the handler can pass it to the domain's
 * validateAddress, which answers MALL.ADDRESS_INVALID with a Chinese hint per field.
 */
export const AddressInputSchema = z
  .object({
    name: z.string().max(200),
    phone: z.string().max(200),
    province: z.string().max(200),
    city: z.string().max(200),
    district: z.string().max(200).optional(),
    detail: z.string().max(500),
  })
  .partial()
  .strict()

const ItemFields = {
  title: Text(1, 40),
  description: Text(0, 1000).default(''),
  images: z.array(z.string().min(1).max(512)).max(9).default([]),
  cost: z.number().int().min(1).max(MAX_ENTRY_AMOUNT),
  stock: z.number().int().min(0).max(1_000_000),
  perMemberLimit: z.number().int().min(1).max(1000).nullable().default(null),
  saleStart: EpochMs.nullable().default(null),
  saleEnd: EpochMs.nullable().default(null),
  onShelf: z.boolean().default(false),
}

const windowIsOrdered = (v: { saleStart?: number | null; saleEnd?: number | null }) =>
  v.saleStart === null || v.saleStart === undefined || v.saleEnd === null || v.saleEnd === undefined || v.saleStart < v.saleEnd
const WINDOW_MESSAGE = { message: '兑换结束时间须晚于开始时间', path: ['saleEnd'] }

/** Admin: create an item. The kind and its target are fixed at creation (orders snapshot them). */
export const ItemCreateSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...ItemFields, kind: z.literal('code'), codePoolId: KeyPartSchema }).strict(),
    z.object({ ...ItemFields, kind: z.literal('unlock'), unlockTarget: z.enum(UNLOCK_TARGETS), unlockTargetId: KeyPartSchema }).strict(),
    z.object({ ...ItemFields, kind: z.literal('physical') }).strict(),
  ])
  .refine(windowIsOrdered, WINDOW_MESSAGE)
export type ItemCreateInput = z.infer<typeof ItemCreateSchema>

/** Admin: edit an item; only the fields sent change. Stock is set absolutely (the handler guards with the version it read). */
export const ItemPatchSchema = z
  .object({
    title: ItemFields.title,
    description: Text(0, 1000),
    images: z.array(z.string().min(1).max(512)).max(9),
    cost: ItemFields.cost,
    stock: ItemFields.stock,
    perMemberLimit: z.number().int().min(1).max(1000).nullable(),
    saleStart: EpochMs.nullable(),
    saleEnd: EpochMs.nullable(),
    onShelf: z.boolean(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容')
  .refine(windowIsOrdered, WINDOW_MESSAGE)
export type ItemPatchInput = z.infer<typeof ItemPatchSchema>

export const RedemptionCodeSchema = z.string().regex(/^[A-Za-z0-9-]{4,64}$/)

const action = <A extends string>(name: A) => z.literal(name)
const id = KeyPartSchema

export const MallRequest = z.discriminatedUnion('action', [
  z.object({ action: action('listItems'), cursor: z.string().max(200).optional(), limit: PageLimitSchema }).strict(),
  z.object({ action: action('getItem'), itemId: id }).strict(),
  z.object({ action: action('redeem'), itemId: id, requestId: RequestIdSchema, address: AddressInputSchema.optional() }).strict(),
  z
    .object({ action: action('myOrders'), status: z.enum(ORDER_STATUSES).optional(), before: EpochMs.optional(), limit: PageLimitSchema })
    .strict(),
  z.object({ action: action('getOrder'), orderId: id }).strict(),
  z.object({ action: action('revealCode'), orderId: id }).strict(),
  z.object({ action: action('cancelOrder'), orderId: id }).strict(),
  // admin
  z.object({ action: action('createItem'), item: ItemCreateSchema, requestId: RequestIdSchema }).strict(),
  z.object({ action: action('updateItem'), itemId: id, patch: ItemPatchSchema }).strict(),
  z.object({ action: action('addCodes'), poolId: id, codes: z.array(RedemptionCodeSchema).min(1).max(500) }).strict(),
  z
    .object({
      action: action('fulfilmentQueue'),
      status: z.enum(ORDER_STATUSES).default('pending'),
      before: EpochMs.optional(),
      limit: PageLimitSchema,
    })
    .strict(),
  z.object({ action: action('fulfilOrder'), orderId: id, trackingNo: Text(1, 64).optional() }).strict(),
  /** One page of the one-time copy of legacy `mall_orders` onto their redeem entries: pass the answer's `next` as `after`. */
  z.object({ action: action('migrateLegacyOrders'), after: id.optional(), limit: z.number().int().min(1).max(200).default(100) }).strict(),
])
export type MallRequest = z.infer<typeof MallRequest>

export interface ItemView {
  id: string
  title: string
  description: string
  images: string[]
  cover: string | null
  kind: ItemKind
  kindLabel: string
  cost: number
  stock: number
  perMemberLimit: number | null
  saleStart: number | null
  saleEnd: number | null
  saleState: SaleState
  saleStateLabel: string
  requiresAddress: boolean
  /** A code item's pool: its id (what `addCodes` takes) and a label staff read; null for other kinds. */
  codePool: { id: string; label: string } | null
}

/** What staff read for a code pool: the item it stocks, never just the bare id. */
export const codePoolLabel = (title: string, poolId: string): string => `「${title}」的兑换码池（编号 ${poolId}）`

export interface OrderView {
  id: string
  itemId: string
  title: string
  cover: string | null
  cost: number
  kind: ItemKind
  status: OrderStatus
  statusLabel: string
  /** Only once the order is fulfilled (revealing a code is what fulfils a code order). */
  code: string | null
  address: ShippingAddress | null
  trackingNo: string | null
  createdAt: number
  fulfilledAt: number | null
  cancelledAt: number | null
  /** Whether the viewer may cancel it now. */
  cancellable: boolean
}

export function toItemView(item: MallItem, now: number): ItemView {
  const saleState = saleStateOf(item, now)
  return {
    id: item._id,
    title: item.title,
    description: item.description,
    images: item.images,
    cover: item.images[0] ?? null,
    kind: item.kind,
    kindLabel: ITEM_KIND_LABELS[item.kind],
    cost: item.cost,
    stock: item.stock,
    perMemberLimit: item.perMemberLimit,
    saleStart: item.saleStart,
    saleEnd: item.saleEnd,
    saleState,
    saleStateLabel: SALE_STATE_LABELS[saleState],
    requiresAddress: item.kind === 'physical',
    codePool: item.kind === 'code' ? { id: item.codePoolId, label: codePoolLabel(item.title, item.codePoolId) } : null,
  }
}

export function toOrderView(order: MallOrder): OrderView {
  return {
    id: order._id,
    itemId: order.itemId,
    title: order.title,
    cover: order.cover ?? null,
    cost: order.cost,
    kind: order.fulfilment.kind,
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status],
    code: order.status === 'fulfilled' ? (order.code ?? null) : null,
    address: order.address ?? null,
    trackingNo: order.trackingNo ?? null,
    createdAt: order.createdAt,
    fulfilledAt: order.fulfilledAt ?? null,
    cancelledAt: order.cancelledAt ?? null,
    cancellable: order.status === 'pending',
  }
}
