import { normalizePhone, validateAddress } from '@cloud/domain/mall'
import { ADDRESS } from './fixtures'

describe('validateAddress', () => {
  it('should accept a complete address and trim its fields', () => {
    expect(validateAddress({ ...ADDRESS, name: ' 张三 ' })).toEqual({ ok: true, address: ADDRESS })
  })

  it('should accept a city without a district level', () => {
    const { district: _district, ...noDistrict } = ADDRESS
    expect(validateAddress({ ...noDistrict, city: '东莞市' })).toMatchObject({ ok: true, address: { city: '东莞市' } })
  })

  it('should normalise +86, spaces and dashes out of a mobile number', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678')
    expect(validateAddress({ ...ADDRESS, phone: '+86 138 1234 5678' })).toMatchObject({ ok: true, address: { phone: '13812345678' } })
  })

  it.each(['12812345678', '1381234567', '138123456789', '010-12345678'])('should reject %s as not a mainland mobile', (phone) => {
    expect(validateAddress({ ...ADDRESS, phone })).toMatchObject({
      ok: false,
      code: 'MALL.ADDRESS_INVALID',
      details: { phone: '请填写正确的手机号' },
    })
  })

  it('should count characters, not bytes, for the name limit', () => {
    expect(validateAddress({ ...ADDRESS, name: '阿'.repeat(20) }).ok).toBe(true)
    expect(validateAddress({ ...ADDRESS, name: '阿'.repeat(21) })).toMatchObject({ ok: false, details: { name: expect.any(String) } })
  })

  it('should reject a blank name and a too-short detail, naming each field', () => {
    const result = validateAddress({ ...ADDRESS, name: '   ', detail: '1号' })
    expect(result.ok === false && Object.keys(result.details ?? {}).sort()).toEqual(['detail', 'name'])
  })

  it('should answer MALL.ADDRESS_REQUIRED for a missing address and MALL.ADDRESS_INVALID for extra fields', () => {
    expect(validateAddress(undefined)).toMatchObject({ code: 'MALL.ADDRESS_REQUIRED' })
    expect(validateAddress({ ...ADDRESS, openid: 'x' })).toMatchObject({ code: 'MALL.ADDRESS_INVALID' })
  })
})
