import { EJSON, ObjectId } from 'bson'

/** A document as the emulator keeps it: plain JS values, Dates and RegExps. */
export type Doc = Record<string, unknown>

/** Thrown for values that are not valid strict EJSON; the action layer turns it into INVALID_PARAM. */
export class EjsonError extends Error {}

const INT32 = /^-?\d{1,10}$/
const INT64 = /^-?\d{1,19}$/
const DOUBLE = /^(-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?Infinity|NaN)$/
const REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

/**
 * Decodes strict (or relaxed) extended JSON already parsed by JSON.parse.
 * Written here rather than using bson's EJSON.parse because that one accepts
 * `{"$numberInt":"zz"}` as NaN and `{"$date":"zzz"}` as an invalid Date, and
 * keeps BSONRegExp objects that mingo cannot match with.
 * `now` resolves CloudBase's `{"$tcb_server_date":{"offset":N}}`.
 */
export function decodeValue(value: unknown, now: () => number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodeValue(value[i], now)
    return value
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length > 0 && keys.length <= 2 && keys[0].charCodeAt(0) === 36 /* $ */) {
    const wrapped = decodeWrapper(keys, obj, now)
    if (wrapped !== NOT_A_WRAPPER) return wrapped
  }
  for (const k of keys) {
    const v = obj[k]
    if (v !== null && typeof v === 'object') obj[k] = decodeValue(v, now)
  }
  return obj
}

const NOT_A_WRAPPER = Symbol('not a wrapper')

function decodeWrapper(keys: string[], obj: Record<string, unknown>, now: () => number): unknown {
  const key = keys[0]
  const v = obj[key]
  if (keys.length === 2) {
    // legacy {$regex, $options} is a query operator pair mingo understands; leave it
    return NOT_A_WRAPPER
  }
  switch (key) {
    case '$numberInt':
      if (typeof v !== 'string' || !INT32.test(v)) throw new EjsonError(`invalid $numberInt: ${JSON.stringify(v)}`)
      return Number(v)
    case '$numberLong':
      if (typeof v !== 'string' || !INT64.test(v)) throw new EjsonError(`invalid $numberLong: ${JSON.stringify(v)}`)
      return Number(v)
    case '$numberDouble':
    case '$numberDecimal':
      if (typeof v !== 'string' || !DOUBLE.test(v)) throw new EjsonError(`invalid ${key}: ${JSON.stringify(v)}`)
      return Number(v)
    case '$date':
      return decodeDate(v)
    case '$regularExpression':
      return decodeRegExp(v)
    case '$oid':
      if (typeof v !== 'string' || !/^[0-9a-fA-F]{24}$/.test(v)) throw new EjsonError(`invalid $oid: ${JSON.stringify(v)}`)
      return new ObjectId(v)
    case '$tcb_server_date': {
      const offset = v && typeof v === 'object' ? decodeValue((v as Record<string, unknown>).offset ?? 0, now) : 0
      if (typeof offset !== 'number' || !Number.isFinite(offset)) throw new EjsonError('invalid $tcb_server_date offset')
      return new Date(now() + offset)
    }
    case '$binary':
    case '$timestamp':
    case '$symbol':
    case '$code':
    case '$minKey':
    case '$maxKey':
    case '$dbPointer':
      throw new EjsonError(`EJSON type ${key} is not supported by the local emulator`)
    default:
      return NOT_A_WRAPPER
  }
}

function decodeDate(v: unknown): Date {
  let ms: number
  if (typeof v === 'string') ms = Date.parse(v)
  else if (typeof v === 'number') ms = v
  else if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).$numberLong === 'string') {
    const text = (v as Record<string, string>).$numberLong
    ms = INT64.test(text) ? Number(text) : NaN
  } else ms = NaN
  if (!Number.isFinite(ms)) throw new EjsonError(`invalid $date: ${JSON.stringify(v)}`)
  return new Date(ms)
}

function decodeRegExp(v: unknown): RegExp {
  const spec = v as { pattern?: unknown; options?: unknown } | null
  if (!spec || typeof spec.pattern !== 'string') throw new EjsonError('invalid $regularExpression')
  const options = typeof spec.options === 'string' ? spec.options : ''
  // 'x' (extended) has no JS equivalent; the other Mongo flags map one to one
  const flags = [...new Set(options)].filter((f) => REGEX_FLAGS.has(f)).join('')
  try {
    return new RegExp(spec.pattern, flags)
  } catch (err) {
    throw new EjsonError(`invalid $regularExpression: ${(err as Error).message}`)
  }
}

/** Parses one EJSON string sent by the SDK (documents, queries, update specs, stages). */
export function parseEjson(text: unknown, now: () => number, what: string): unknown {
  if (typeof text !== 'string') throw new EjsonError(`${what} must be an EJSON string`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new EjsonError(`${what} is not valid JSON`)
  }
  return decodeValue(raw, now)
}

/** Strict EJSON, exactly as the SDK itself writes it (`$numberInt`, `$date: {$numberLong}`...). */
export function encodeStrict(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false })
}

/** Relaxed EJSON for the data files: smaller, and decodeValue reads it back. */
export function encodeRelaxed(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: true })
}
