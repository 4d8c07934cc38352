/**
 * wx.getGroupEnterInfo is callback-style only: its reference page says 「以 Promise 风格 调用：不支持」 and documents
 * success `{ errMsg, encryptedData, iv, cloudID }` and failures 40097 (场景错误) / 65206 (用户已不在该群内)
 * (developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html). The fakes below answer
 * through the callbacks and return nothing, as the base library does.
 */
import { readGroupEnterCloudId, type GroupEnterInfoApi } from '@/shared/wx/group-enter'
import { showShareMenu, type ShowShareMenuApi } from '@/shared/wx/share-menu'

const answering =
  (answer: { cloudID?: string } | { errCode: number }, ok: boolean): GroupEnterInfoApi =>
  (options) => {
    setTimeout(() => (ok ? options.success(answer as { cloudID?: string }) : options.fail(answer)), 0)
    return undefined
  }

describe('readGroupEnterCloudId', () => {
  it('should resolve the CloudID from the success callback of a group card open', async () => {
    const api = jest.fn(answering({ cloudID: 'cid-1' }, true))
    expect(await readGroupEnterCloudId(api, 1008)).toBe('cid-1')
    expect(await readGroupEnterCloudId(api, 1044)).toBe('cid-1')
  })

  it('should not call WeChat outside a group card, and answer null', async () => {
    const api = jest.fn(answering({ cloudID: 'cid-1' }, true))
    expect(await readGroupEnterCloudId(api, 1001)).toBeNull()
    expect(await readGroupEnterCloudId(api, undefined)).toBeNull()
    expect(await readGroupEnterCloudId(undefined, 1008)).toBeNull()
    expect(api).not.toHaveBeenCalled()
  })

  it.each([
    ['40097 wrong scene', answering({ errCode: 40097 }, false)],
    ['65206 no longer in the group', answering({ errCode: 65206 }, false)],
    ['a success without cloudID (no cloud development)', answering({}, true)],
    [
      'an API that throws',
      (() => {
        throw new Error('boom')
      }) as GroupEnterInfoApi,
    ],
  ])('should answer null for %s', async (_name, api) => {
    expect(await readGroupEnterCloudId(api, 1008)).toBeNull()
  })
})

describe('showShareMenu', () => {
  it('should ask for a share ticket, with Moments only where the page allows it', async () => {
    const api = jest.fn<unknown, Parameters<ShowShareMenuApi>>((options) => options.success({}))
    expect(await showShareMenu(api, true)).toBe(true)
    expect(await showShareMenu(api, false)).toBe(true)
    expect(api.mock.calls.map(([o]) => ({ withShareTicket: o.withShareTicket, menus: o.menus }))).toEqual([
      { withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] },
      { withShareTicket: true, menus: ['shareAppMessage'] },
    ])
  })

  it('should report a refusal without throwing', async () => {
    expect(await showShareMenu((options) => options.fail({ errMsg: 'showShareMenu:fail' }), true)).toBe(false)
    expect(await showShareMenu(undefined, true)).toBe(false)
  })
})
