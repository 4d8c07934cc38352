import { addressErrorsFrom, checkAddress, EMPTY_ADDRESS, normalizePhone, toAddressInput } from '@/features/mall/address-check'
import { validateAddress } from '@cloud/domain/mall'

const valid = { name: '张三', phone: '13800138000', province: '广东省', city: '东莞市', district: '', detail: '南城街道 8 号' }

describe('address hints', () => {
  it('should accept a complete address without a district', () => {
    expect(checkAddress(valid)).toEqual({})
  })

  it('should flag a mobile that is not a mainland number', () => {
    expect(checkAddress({ ...valid, phone: '12800138000' }).phone).toBe('请填写正确的手机号')
  })

  it('should accept +86, spaces and dashes around a mobile', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000')
  })

  it('should flag every missing required field of an empty form', () => {
    expect(Object.keys(checkAddress(EMPTY_ADDRESS)).sort()).toEqual(['city', 'detail', 'name', 'phone', 'province'])
  })

  it('should leave out an empty district and trim what is sent', () => {
    expect(toAddressInput({ ...valid, name: ' 张三 ', phone: '+86 13800138000' })).toEqual({
      name: '张三',
      phone: '13800138000',
      province: '广东省',
      city: '东莞市',
      detail: '南城街道 8 号',
    })
  })

  it('should keep only known fields from the server hints', () => {
    expect(addressErrorsFrom({ phone: '请填写正确的手机号', _: '地址包含无法识别的内容' })).toEqual({ phone: '请填写正确的手机号' })
  })

  it('should flag exactly the fields the mall function refuses, with its hints', () => {
    const drafts = [
      valid,
      EMPTY_ADDRESS,
      { ...valid, phone: '+86 138 0013 8000 0000' },
      { ...valid, name: '张'.repeat(21), district: '区'.repeat(21), detail: '三号' },
      { ...valid, city: '  ', detail: '号'.repeat(121) },
    ]
    for (const draft of drafts) {
      const server = validateAddress(toAddressInput(draft))
      expect(checkAddress(draft)).toEqual('ok' in server && server.ok ? {} : (server as { details?: unknown }).details)
    }
  })
})
