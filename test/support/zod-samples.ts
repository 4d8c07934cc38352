/**
 * Valid sample values generated from a zod schema, and hostile variants of them, for the contract fuzz test. A sample
 * is only ever a candidate: the caller checks it with `safeParse` (refinements and regexes are not introspected; the
 * string and number candidates below cover the shapes the contracts use).
 */
import type { ZodTypeAny } from 'zod'

const STRINGS = [
  'p1',
  'x',
  'abc',
  'ABC234',
  'AB23CD',
  '2026-03-02',
  '10:00',
  'g3',
  'english',
  'math',
  'open',
  'streak',
  '13812345678',
  'cloud://local-dev.x/covers/c.png',
  'cloud://local-dev.x/checkins/fuzz-admin/p1/a.png',
  'checkin:p1:2026-03-02:m1',
  'adjust:req-1',
  'req-0001',
  'member',
  'teacher',
  'admin',
  '今天读了 20 分钟',
  'G_group_1',
  '王小明',
]
const NUMBERS = [1, 0, 10, 2, 5, 20, 45, 60, 100, 1000, 1_800_000_000_000]

type Def = { typeName: string; [k: string]: unknown }
const defOf = (s: ZodTypeAny) => s._def as Def
const valid = (s: ZodTypeAny, v: unknown) => s.safeParse(v).success

export function sample(schema: ZodTypeAny, depth = 0): unknown {
  if (depth > 8) return undefined
  const def = defOf(schema)
  const inner = (s: unknown) => sample(s as ZodTypeAny, depth + 1)
  const pick = (candidates: unknown[]) => candidates.find((c) => c !== undefined && valid(schema, c))
  switch (def.typeName) {
    case 'ZodOptional':
    case 'ZodDefault':
    case 'ZodBranded':
    case 'ZodReadonly':
      return pick([inner(def.innerType ?? def.type)])
    case 'ZodNullable':
      return pick([inner(def.innerType), null])
    case 'ZodEffects':
      return pick([inner(def.schema), ...STRINGS, ...NUMBERS])
    case 'ZodPipeline':
      return pick([inner(def.in)])
    case 'ZodLazy':
      return pick([inner((def.getter as () => ZodTypeAny)())])
    case 'ZodString':
      return pick([...STRINGS, 'a'.repeat(8), 'a'.repeat(16), 'a'.repeat(32)])
    case 'ZodNumber':
      return pick(NUMBERS)
    case 'ZodBoolean':
      return true
    case 'ZodLiteral':
      return def.value
    case 'ZodEnum':
      return (def.values as unknown[])[0]
    case 'ZodNativeEnum':
      return Object.values(def.values as object)[0]
    case 'ZodNull':
      return null
    case 'ZodArray': {
      const item = inner(def.type)
      const min = (def.minLength as { value: number } | null)?.value ?? 0
      return pick([Array.from({ length: Math.max(1, min) }, () => item), []])
    }
    case 'ZodTuple':
      return pick([(def.items as ZodTypeAny[]).map(inner)])
    case 'ZodRecord':
      return {}
    case 'ZodUnion':
    case 'ZodDiscriminatedUnion':
      return pick((def.options as ZodTypeAny[]).map(inner))
    case 'ZodObject': {
      const shape = (def.shape as () => Record<string, ZodTypeAny>)()
      const out: Record<string, unknown> = {}
      for (const [k, s] of Object.entries(shape)) {
        const v = sample(s, depth + 1)
        if (v !== undefined) out[k] = v
      }
      return out
    }
    default:
      return undefined
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^\d{2}:\d{2}$/
const MB = 'x'.repeat(1_000_000)

/** Values no contract should take in place of `v`: the wrong JSON type, unbounded sizes, injection keys, impossible dates. */
export function hostileFor(v: unknown): { label: string; value: unknown; calendar?: boolean }[] {
  const out: { label: string; value: unknown; calendar?: boolean }[] = []
  if (typeof v === 'string') {
    out.push({ label: 'number for a string', value: 12345 }, { label: '1 MB string', value: MB })
    if (DATE.test(v))
      out.push(
        { label: 'impossible date 02-30', value: '2026-02-30', calendar: true },
        { label: 'impossible date 13-45', value: '2026-13-45', calendar: true },
      )
    if (TIME.test(v)) out.push({ label: 'impossible time', value: '24:61', calendar: true })
  } else if (typeof v === 'number') {
    out.push(
      { label: 'string for a number', value: '12' },
      { label: 'huge number', value: 1e18 },
      { label: 'huge negative number', value: -1e18 },
      { label: 'NaN (null on the wire)', value: null },
    )
  } else if (typeof v === 'boolean') {
    out.push({ label: 'string for a boolean', value: 'yes' })
  } else if (Array.isArray(v)) {
    out.push(
      { label: 'object for an array', value: { 0: v[0] } },
      { label: '10,000 items', value: Array.from({ length: 10_000 }, () => v[0] ?? 1) },
    )
  } else if (v && typeof v === 'object') {
    out.push(
      { label: 'string for an object', value: 'x' },
      { label: '$ key', value: { ...v, $where: 'sleep(1000)' } },
      { label: 'dotted key', value: { ...v, 'roles.0': 'admin' } },
      { label: '__proto__ key', value: { ...JSON.parse('{"__proto__":{"roles":["admin"]}}'), ...v } },
    )
  }
  return out
}

/** Every path to a mutable field of `value` (objects two levels deep, first array item), for one mutation at a time. */
export function fieldPaths(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 2 || !value || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value) ? (value.length ? [[0, value[0]]] : []) : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k], depth + 1)])
}

export function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? withField(item, rest, replacement) : item))
  const obj = value as Record<string, unknown>
  return { ...obj, [head]: withField(obj[head as string], rest, replacement) }
}

export function fieldAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value)
}
