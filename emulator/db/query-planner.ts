import type { Doc } from './ejson-codec'
import { isIndexScalar, type IndexScalar } from './index-values'
import type { Bound, SortedIndex } from './sorted-index'

/**
 * Chooses a secondary index for a query. The index only narrows or orders the
 * documents mingo looks at: every candidate is still tested with the full query,
 * so a plan must never leave out a document mingo would match (a superset is fine).
 */

/** What the top-level criteria pin per field: equality alternatives (`x`, `$eq`, `$in`) and range bounds. */
interface FieldConditions {
  eq?: IndexScalar[]
  bounds: Bound[]
}

const RANGE_OPS = new Set(['$lt', '$lte', '$gt', '$gte'])
const isPlainObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
/** Range bounds worth narrowing by; a null bound matches almost nothing and is left to mingo. */
const isRangeBound = (v: unknown): v is IndexScalar => v !== null && isIndexScalar(v)

/** Conditions every match must meet: top-level fields, the members of top-level `$and`s and what every branch of a `$or` shares. */
export function fieldConditions(criteria: Doc, out = new Map<string, FieldConditions>()): Map<string, FieldConditions> {
  for (const [field, cond] of Object.entries(criteria)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) fieldConditions(part, out)
      continue
    }
    if (field === '$or' && Array.isArray(cond)) {
      if (cond.length > 0 && cond.every(isPlainObject))
        hoistOr(
          cond.map((branch) => fieldConditions(branch)),
          out,
        )
      continue
    }
    if (field.startsWith('$')) continue
    const entry = out.get(field) ?? { bounds: [] }
    out.set(field, entry)
    if (isIndexScalar(cond)) {
      entry.eq ??= [cond]
      continue
    }
    // an object without operators is an embedded-document equality (mingo's normalize): not indexable here
    if (!isPlainObject(cond) || !Object.keys(cond).some((k) => k.startsWith('$'))) continue
    for (const [op, value] of Object.entries(cond)) {
      if (op === '$eq' && isIndexScalar(value)) entry.eq ??= [value]
      else if (op === '$in' && Array.isArray(value) && value.every(isIndexScalar)) entry.eq ??= value as IndexScalar[]
      else if (RANGE_OPS.has(op) && isRangeBound(value)) entry.bounds.push({ op: op as Bound['op'], value })
    }
  }
  return out
}

/** A bound's value as a number or string when every value compared is of that one type (ranges never cross types). */
type Ordered = number | string
const sameOrderedType = (values: IndexScalar[]): values is Ordered[] =>
  values.length > 0 && (values.every((v) => typeof v === 'number') || values.every((v) => typeof v === 'string'))

/** The weakest of the branches' bounds on one side: a branch without one there leaves that side open. */
function hullBound(branches: FieldConditions[], side: 'lower' | 'upper'): Bound | undefined {
  const [strict, inclusive] = side === 'lower' ? (['$gt', '$gte'] as const) : (['$lt', '$lte'] as const)
  const tighter = (a: Ordered, b: Ordered) => (side === 'lower' ? a > b : a < b)
  // each branch's own tightest bound on this side (its equalities count as inclusive bounds)
  const own: { value: IndexScalar; inclusive: boolean }[] = []
  for (const c of branches) {
    const mine = [
      ...(c.eq ?? []).map((value) => ({ value, inclusive: true })),
      ...c.bounds.filter((b) => b.op === strict || b.op === inclusive).map((b) => ({ value: b.value, inclusive: b.op === inclusive })),
    ]
    if (mine.length === 0 || !sameOrderedType(mine.map((m) => m.value))) return undefined
    own.push(
      mine.reduce((best, m) => (tighter(m.value as Ordered, best.value as Ordered) || (m.value === best.value && !m.inclusive) ? m : best)),
    )
  }
  if (!sameOrderedType(own.map((o) => o.value))) return undefined
  let weakest = own[0]
  for (const o of own.slice(1)) {
    if (tighter(weakest.value as Ordered, o.value as Ordered)) weakest = o
    else if (o.value === weakest.value && o.inclusive) weakest = o
  }
  return { op: weakest.inclusive ? inclusive : strict, value: weakest.value } as Bound
}

const scalarKey = (v: IndexScalar) => (v instanceof Date ? `d${v.getTime()}` : `${typeof v}:${String(v)}`)

/**
 * What every branch of a `$or` pins: a field all branches hold to equality gets the union of their values (as an
 * `$in`); a field all branches bound on one side gets the weakest bound (`x > 5` or `x == 5` gives `x >= 5`). These
 * hold for every match, so the plan stays a superset — the way MongoDB plans each `$or` branch on an index.
 */
function hoistOr(branches: Map<string, FieldConditions>[], out: Map<string, FieldConditions>): void {
  for (const field of branches[0].keys()) {
    const conds = branches.map((b) => b.get(field))
    if (conds.some((c) => c === undefined)) continue
    const all = conds as FieldConditions[]
    const entry = out.get(field) ?? { bounds: [] }
    if (all.every((c) => c.eq)) {
      const seen = new Map<string, IndexScalar>()
      for (const c of all) for (const v of c.eq ?? []) seen.set(scalarKey(v), v)
      entry.eq ??= [...seen.values()]
    } else {
      for (const side of ['lower', 'upper'] as const) {
        const bound = hullBound(all, side)
        if (bound && isRangeBound(bound.value)) entry.bounds.push(bound)
      }
    }
    if (entry.eq || entry.bounds.length > 0) out.set(field, entry)
  }
}

export interface PlanRequest {
  criteria: Doc
  sort?: Record<string, number>
  skip?: number
  limit?: number
}

export interface IndexPlan {
  index: SortedIndex
  /** Equality alternatives for the first `prefix.length` index keys. */
  prefix: IndexScalar[][]
  /** Range bounds on the key right after the prefix. */
  bounds: Bound[]
  /** Set when the sort follows the index after the prefix: walk the entries forward (1) or backward (-1). */
  walk?: 1 | -1
  /**
   * A `$or` planned branch by branch: the union of the branches' ranges (ascending, disjoint), all inside the
   * branches' common `prefix`. When set, `bounds` is empty and these are the ranges the plan covers.
   */
  union?: [number, number][]
  /** Entries in the chosen ranges plus the irregular documents: the most the plan looks at. */
  candidates: number
}

/** At most this many prefix combinations (`$in` × `$in`) are looked up; beyond, the index is not used. */
const MAX_PREFIX_COMBINATIONS = 1000

export function prefixCombinations(prefix: IndexScalar[][]): IndexScalar[][] {
  let combos: IndexScalar[][] = [[]]
  for (const alternatives of prefix) combos = combos.flatMap((c) => alternatives.map((v) => [...c, v]))
  return combos
}

/** The ranges [lo, hi) of entries a plan covers. */
export function planRanges(plan: Pick<IndexPlan, 'index' | 'prefix' | 'bounds' | 'union'>): [number, number][] {
  if (plan.union) return plan.union
  const at = plan.prefix.length
  return prefixCombinations(plan.prefix).map((values) => {
    const range = plan.index.prefixRange(values)
    return plan.bounds.length > 0 && at < plan.index.fields.length ? plan.index.narrow(range, at, plan.bounds) : range
  })
}

/** 1 or -1 when the sort keys are the index keys from `at` on, all in index order or all reversed. */
function walkDirection(index: SortedIndex, at: number, sort: Record<string, number> | undefined): 1 | -1 | undefined {
  const keys = sort ? Object.keys(sort) : []
  if (keys.length === 0 || at + keys.length > index.fields.length) return undefined
  let direction: number | undefined
  for (let i = 0; i < keys.length; i++) {
    const d = sort?.[keys[i]]
    if (keys[i] !== index.fields[at + i] || (d !== 1 && d !== -1)) return undefined
    const rel = d * index.dirs[at + i]
    if (direction !== undefined && rel !== direction) return undefined
    direction = rel
  }
  return direction as 1 | -1
}

const isCount = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0)

function planFor(index: SortedIndex, conds: Map<string, FieldConditions>, req: PlanRequest): IndexPlan | undefined {
  const prefix: IndexScalar[][] = []
  while (prefix.length < index.fields.length) {
    const eq = conds.get(index.fields[prefix.length])?.eq
    if (!eq) break
    prefix.push(eq)
  }
  if (prefix.reduce((n, alts) => n * alts.length, 1) > MAX_PREFIX_COMBINATIONS) return undefined
  const bounds = prefix.length < index.fields.length ? (conds.get(index.fields[prefix.length])?.bounds ?? []) : []
  // an ordered walk needs one range, every match in it (no irregular documents) and a plain skip/limit
  const single = prefix.every((alts) => alts.length === 1)
  const walkable = single && index.irregular.size === 0 && isCount(req.skip) && (req.limit === undefined || req.limit > 0)
  const walk = walkable ? walkDirection(index, prefix.length, req.sort) : undefined
  if (prefix.length === 0 && bounds.length === 0 && walk === undefined) return undefined
  const plan: IndexPlan = { index, prefix, bounds, walk, candidates: 0 }
  plan.candidates = planRanges(plan).reduce((n, [lo, hi]) => n + hi - lo, index.irregular.size)
  return plan
}

/** The ranges as ascending, disjoint ranges covering the same entries (overlaps and neighbours joined). */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = []
  for (const [lo, hi] of [...ranges].filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1]
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

/** At most this many `$or` branches are planned one by one; a longer `$or` keeps the shared-conditions plan. */
const MAX_UNION_BRANCHES = 16

/** A top-level `$or`'s branches, each with the criteria's other top-level conditions, or undefined. */
function orBranches(criteria: Doc): Map<string, FieldConditions>[] | undefined {
  const branches = criteria.$or
  if (!Array.isArray(branches) || branches.length < 2 || branches.length > MAX_UNION_BRANCHES || !branches.every(isPlainObject))
    return undefined
  const rest = Object.fromEntries(Object.entries(criteria).filter(([k]) => k !== '$or'))
  return branches.map((branch) => {
    // both the branch and the rest hold for a match: either's equality narrows, all bounds apply
    const conds = fieldConditions(branch)
    for (const [field, shared] of fieldConditions(rest)) {
      const own = conds.get(field)
      conds.set(field, { eq: own?.eq ?? shared.eq, bounds: [...(own?.bounds ?? []), ...shared.bounds] })
    }
    return conds
  })
}

/**
 * A `$or` planned branch by branch on one index, as MongoDB does: each branch narrows its own ranges (`joinedAt > t`
 * and `joinedAt == t, _id > id` are two tight ranges, where the shared conditions only give `joinedAt >= t`). Walked
 * in index order, the union is in sort order when the sort follows the index after the branches' common prefix.
 */
function unionPlanFor(index: SortedIndex, branches: Map<string, FieldConditions>[], req: PlanRequest): IndexPlan | undefined {
  const plans: IndexPlan[] = []
  for (const conds of branches) {
    const plan = planFor(index, conds, { criteria: {} })
    if (!plan || (plan.prefix.length === 0 && plan.bounds.length === 0)) return undefined
    plans.push(plan)
  }
  const single = plans.every((p) => p.prefix.every((alts) => alts.length === 1))
  let common = 0
  while (single && plans.every((p) => p.prefix.length > common && scalarKey(p.prefix[common][0]) === scalarKey(plans[0].prefix[common][0])))
    common++
  const union = mergeRanges(plans.flatMap((p) => planRanges(p)))
  const walkable = single && index.irregular.size === 0 && isCount(req.skip) && (req.limit === undefined || req.limit > 0)
  const walk = walkable ? walkDirection(index, common, req.sort) : undefined
  const plan: IndexPlan = { index, prefix: plans[0].prefix.slice(0, common), bounds: [], walk, union, candidates: 0 }
  plan.candidates = union.reduce((n, [lo, hi]) => n + hi - lo, index.irregular.size)
  return plan
}

/** Rough work of a plan: an ordered walk with a limit usually stops early; candidates are filtered and sorted. */
function cost(plan: IndexPlan, req: PlanRequest): number {
  if (plan.walk !== undefined && req.limit !== undefined) return Math.min(plan.candidates, (req.skip ?? 0) + req.limit)
  return plan.walk !== undefined ? plan.candidates : plan.candidates * 2
}

/** Cheaper wins; on a tie an ordered walk, then fewer candidates, then the index using more of the query. */
function better(a: IndexPlan, b: IndexPlan, req: PlanRequest): boolean {
  const [ca, cb] = [cost(a, req), cost(b, req)]
  if (ca !== cb) return ca < cb
  if ((a.walk === undefined) !== (b.walk === undefined)) return a.walk !== undefined
  // a walk that stops at the limit costs the same either way, but fewer candidates never walks further
  if (a.candidates !== b.candidates) return a.candidates < b.candidates
  const used = (p: IndexPlan) => p.prefix.length + (p.bounds.length > 0 ? 1 : 0)
  return used(a) > used(b)
}

/** The cheapest index plan, or undefined when scanning is as good (no index narrows or orders the query). */
export function choosePlan(
  indexes: SortedIndex[],
  req: PlanRequest,
  docCount: number,
  ensureBuilt: (index: SortedIndex) => void,
): IndexPlan | undefined {
  const conds = fieldConditions(req.criteria)
  const branches = orBranches(req.criteria)
  const firstSortKey = req.sort ? Object.keys(req.sort)[0] : undefined
  let best: IndexPlan | undefined
  for (const index of indexes) {
    // only indexes the query can use are built (lazily, once)
    const first = conds.get(index.fields[0])
    const everyBranch = branches?.every((b) => b.get(index.fields[0])?.eq || b.get(index.fields[0])?.bounds.length)
    if (!first?.eq && !first?.bounds.length && firstSortKey !== index.fields[0] && !everyBranch) continue
    ensureBuilt(index)
    for (const plan of [planFor(index, conds, req), branches && unionPlanFor(index, branches, req)])
      if (plan && (!best || better(plan, best, req))) best = plan
  }
  // a plan looking at every document gains nothing over a scan unless it saves the sort
  return best && (best.walk !== undefined || best.candidates < docCount || docCount === 0) ? best : undefined
}

export interface PlanSummary {
  mode: 'scan' | 'ids' | 'index' | 'ordered'
  index?: string
  /** Index keys matched by equality (or `$in`). */
  prefix?: string[]
  /** The index key a range narrowed. */
  range?: string
  /** A `$or` planned branch by branch: how many disjoint ranges its branches cover. */
  union?: number
  candidates?: number
}

export function describePlan(plan: IndexPlan | undefined, req: PlanRequest): PlanSummary {
  if (!plan) return { mode: 'scan' }
  const { index, prefix, bounds } = plan
  return {
    mode: plan.walk !== undefined ? 'ordered' : 'index',
    index: index.spec.name,
    ...(plan.union ? { union: plan.union.length } : {}),
    prefix: index.fields.slice(0, prefix.length),
    ...(bounds.length > 0 && prefix.length < index.fields.length ? { range: index.fields[prefix.length] } : {}),
    candidates: plan.walk !== undefined && req.limit !== undefined ? undefined : plan.candidates,
  }
}

/**
 * Splits an aggregation pipeline into a leading `$match` [+ `$sort`] [+ `$skip`] [+ `$limit`] — in that
 * order, which is also the order mingo's cursor applies them — and the stages after it.
 */
export function splitPipeline(pipeline: Doc[]): { head?: PlanRequest; rest: Doc[] } {
  const stage = (i: number): [string, unknown] | undefined => {
    const s = pipeline[i]
    const keys = s && typeof s === 'object' ? Object.keys(s) : []
    return keys.length === 1 ? [keys[0], s[keys[0]]] : undefined
  }
  const first = stage(0)
  if (!first || first[0] !== '$match' || !isPlainObject(first[1])) return { rest: pipeline }
  const head: PlanRequest = { criteria: first[1] }
  let i = 1
  const take = (key: string, ok: (v: unknown) => boolean): unknown => {
    const next = stage(i)
    if (next?.[0] !== key || !ok(next[1])) return undefined
    i++
    return next[1]
  }
  head.sort = take('$sort', isPlainObject) as Record<string, number> | undefined
  head.skip = take('$skip', (v) => typeof v === 'number') as number | undefined
  head.limit = take('$limit', (v) => typeof v === 'number') as number | undefined
  return { head, rest: pipeline.slice(i) }
}
