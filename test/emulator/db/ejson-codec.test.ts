import { decodeValue, EjsonError, encodeStrict, parseEjson } from '../../../emulator/db/ejson-codec'

const now = () => 1_000_000
const parse = (text: string) => parseEjson(text, now, 'value')

describe('strict EJSON codec', () => {
  it('should decode numbers, dates and regular expressions nested in arrays', () => {
    const v = parse(
      '{"a":[{"$numberInt":"1"},{"b":{"$numberDouble":"1.5"}}],"l":{"$numberLong":"9007199254740991"},"d":{"$date":{"$numberLong":"5"}},"r":{"$regularExpression":{"pattern":"^x","options":"ix"}}}',
    )
    expect(v).toEqual({ a: [1, { b: 1.5 }], l: 9007199254740991, d: new Date(5), r: /^x/i })
  })

  it('should decode relaxed dates written as ISO strings', () => {
    expect(parse('{"d":{"$date":"2020-01-01T00:00:00.000Z"}}')).toEqual({ d: new Date('2020-01-01T00:00:00.000Z') })
  })

  it('should resolve $tcb_server_date to the clock plus offset', () => {
    expect(parse('{"at":{"$tcb_server_date":{"offset":{"$numberInt":"500"}}}}')).toEqual({ at: new Date(1_000_500) })
  })

  it.each([
    '{"a":{"$numberInt":"x"}}',
    '{"a":{"$numberLong":"1.5"}}',
    '{"a":{"$date":"not a date"}}',
    '{"a":{"$regularExpression":{"pattern":"("}}}',
    '{"a":{"$binary":{}}}',
    '{bad',
  ])('should reject %s', (text) => {
    expect(() => parse(text)).toThrow(EjsonError)
  })

  it('should leave query and update operators alone', () => {
    expect(decodeValue({ $set: { a: 1 }, $inc: { b: 2 } }, now)).toEqual({ $set: { a: 1 }, $inc: { b: 2 } })
  })

  it('should encode as the SDK does', () => {
    expect(encodeStrict({ a: 1, b: 1.5, d: new Date(0) })).toBe(
      '{"a":{"$numberInt":"1"},"b":{"$numberDouble":"1.5"},"d":{"$date":{"$numberLong":"0"}}}',
    )
  })
})
