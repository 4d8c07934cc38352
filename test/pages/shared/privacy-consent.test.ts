import { askPrivacyConsent, type PrivacyAuthorizeApi } from '../../../src/shared/wx/privacy-consent'

describe('privacy consent (wx.requirePrivacyAuthorize is callback-style)', () => {
  it('should wait for the member’s answer in the callbacks, not for a returned promise', async () => {
    let agree: (() => void) | undefined
    const api: PrivacyAuthorizeApi = ({ success }) => {
      agree = success
      return undefined // what the real API returns
    }
    let settled = false
    const answer = askPrivacyConsent(api).then((v) => {
      settled = true
      return v
    })
    await Promise.resolve()
    expect(settled).toBe(false)
    agree?.()
    expect(await answer).toBe(true)
  })

  it('should answer false when the member refuses', async () => {
    expect(
      await askPrivacyConsent(({ fail }) => fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })),
    ).toBe(false)
  })

  it('should need no consent on a base library without the API', async () => {
    expect(await askPrivacyConsent(undefined)).toBe(true)
  })
})
