/**
 * The `wx` global a built page sees, backed by the device and the emulator. Async APIs follow the base library's
 * promise / callback rules (api-style.ts); synchronous ones answer at once.
 */
import * as http from 'http'
import { wxAsync, wxFail, type CallbackOptions } from './api-style'
import { FakeCanvas } from './canvas'
import { fakeCloud } from './cloud'
import type { WeChatDevice } from './device'
import { mediaApis } from './media'
import { sniff } from './temp-files'
import { findById, propertyOf } from './ui'

function httpGet(url: string): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

const SCOPE_OF_API: Record<string, string> = { saveImageToPhotosAlbum: 'scope.writePhotosAlbum' }

/** The `<canvas type="2d">` of the shown page matching `#id`, as a canvas node (null when there is none). */
function canvasNode(device: WeChatDevice, selector: string): FakeCanvas | null {
  const id = /^#([\w-]+)$/.exec(selector)?.[1]
  const el = id ? findById(device.pageRoot(), id) : null
  if (!el || !/canvas$/i.test(el.tagName) || propertyOf(el, 'type') !== '2d') return null
  let canvas = device.canvases.find((c) => c.id === id)
  if (!canvas) device.canvases.push((canvas = new FakeCanvas(id as string, device.files)))
  return canvas
}

function selectorQuery(device: WeChatDevice) {
  const requests: { selector: string; fields: { node?: boolean; size?: boolean }; cb?: (r: unknown) => void }[] = []
  const query = {
    in: () => query,
    select: (selector: string) => {
      const ref = {
        fields: (fields: { node?: boolean; size?: boolean }, cb?: (r: unknown) => void) => (requests.push({ selector, fields, cb }), query),
        node: (cb?: (r: unknown) => void) => (requests.push({ selector, fields: { node: true }, cb }), query),
        boundingClientRect: (cb?: (r: unknown) => void) => (requests.push({ selector, fields: { size: true }, cb }), query),
      }
      return ref
    },
    exec: (cb?: (res: unknown[]) => void) => {
      setTimeout(() => {
        const results = requests.map((r) => {
          const node = canvasNode(device, r.selector)
          const found = node ?? (r.selector.startsWith('#') ? findById(device.pageRoot(), r.selector.slice(1)) : null)
          if (!found) return null
          const out: Record<string, unknown> = { id: r.selector.replace(/^#/, ''), dataset: {} }
          if (r.fields.node) out.node = node
          if (r.fields.size) Object.assign(out, { width: node?.width ?? 375, height: node?.height ?? 100 })
          r.cb?.(out)
          return out
        })
        cb?.(results)
      }, 0)
      return query
    },
  }
  return query
}

export function createWx(device: WeChatDevice): Record<string, unknown> {
  const nav = () => {
    if (!device.navigator) throw new Error('no page stack')
    return device.navigator
  }
  const ok = (api: string, effect: (o: never) => void = () => undefined) =>
    wxAsync(api, async (o: never) => {
      effect(o)
      return {}
    })

  const askScope = (api: string) => {
    const scope = SCOPE_OF_API[api]
    if (device.authSetting[scope] === undefined) device.authSetting[scope] = device.grantsScopes
    if (!device.authSetting[scope]) throw wxFail(api, 'auth deny')
  }

  const wx: Record<string, unknown> = {
    cloud: fakeCloud(device),
    ...mediaApis(device),
    // ---- UI the member sees
    showToast: ok('showToast', (o: { title: string; icon?: string }) => device.toasts.push({ title: o.title, icon: o.icon })),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    hideToast: ok('hideToast'),
    showModal: wxAsync('showModal', async (o: { title?: string; content?: string }) => {
      const confirmed = device.modalAnswers.length ? (device.modalAnswers.shift() as boolean) : true
      device.modals.push({ title: o.title, content: o.content, confirmed })
      return { confirm: confirmed, cancel: !confirmed }
    }),
    setNavigationBarTitle: ok('setNavigationBarTitle'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    setClipboardData: ok('setClipboardData', (o: { data: string }) => (device.clipboard = o.data)),
    previewImage: ok('previewImage', (o: { urls: string[] }) => device.previews.push(o.urls)),
    // ---- navigation (the app harness keeps the page stack)
    navigateTo: ok('navigateTo', (o: { url: string }) => nav().navigateTo(o.url)),
    redirectTo: ok('redirectTo', (o: { url: string }) => nav().redirectTo(o.url)),
    navigateBack: ok('navigateBack', (o: { delta?: number }) => nav().navigateBack(o?.delta ?? 1)),
    switchTab: ok('switchTab', (o: { url: string }) => nav().switchTab(o.url)),
    reLaunch: ok('reLaunch', (o: { url: string }) => nav().reLaunch(o.url)),
    // ---- client info
    getLaunchOptionsSync: () => structuredClone(device.launch),
    getEnterOptionsSync: () => structuredClone(device.enter),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', version: '8.0.50', language: 'zh_CN', theme: 'light' }),
    getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17.5', model: 'iPhone 15', brand: 'Apple' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20 }),
    // ---- permissions and privacy
    requirePrivacyAuthorize: wxAsync(
      'requirePrivacyAuthorize',
      async () => {
        if (!device.privacyAgreed) throw wxFail('requirePrivacyAuthorize', 'privacy permission is not authorized')
        return {}
      },
      'callback-only',
    ),
    getSetting: wxAsync('getSetting', async () => ({ authSetting: { ...device.authSetting } })),
    openSetting: wxAsync('openSetting', async () => {
      for (const scope of Object.keys(device.authSetting)) device.authSetting[scope] = device.grantsScopes
      return { authSetting: { ...device.authSetting } }
    }),
    requestSubscribeMessage: wxAsync('requestSubscribeMessage', async ({ tmplIds }: { tmplIds: string[] }) => {
      device.subscribeRequests.push(tmplIds)
      const accepted = device.subscribeAnswer === 'accept' ? tmplIds : []
      // One accepted tap = one credit per template (one-time subscriptions), kept by the emulator's open API.
      device.emu.openapi.grantSubscription(device.persona.openid, accepted)
      return Object.fromEntries(tmplIds.map((id) => [id, device.subscribeAnswer]))
    }),
    // ---- open data: group chats (scene 1008/1044) carry CloudIDs the emulator resolves for this user only
    getGroupEnterInfo: wxAsync('getGroupEnterInfo', async () => {
      if (!device.group || ![1008, 1044].includes(device.enter.scene)) throw wxFail('getGroupEnterInfo', 'not entered from a group chat')
      if (!device.persona.groups.includes(device.group)) throw wxFail('getGroupEnterInfo', 'user is not in the group')
      const cloudID = device.emu.openapi.issueCloudId(device.persona.openid, 'groupEnterInfo', { opengid: device.group })
      return { cloudID, encryptedData: '', iv: '' }
    }),
    getShareInfo: wxAsync('getShareInfo', async ({ shareTicket }: { shareTicket: string }) => {
      if (!device.group || shareTicket !== device.enter.shareTicket) throw wxFail('getShareInfo', 'invalid shareTicket')
      const cloudID = device.emu.openapi.issueCloudId(device.persona.openid, 'shareInfo', { openGId: device.group })
      return { cloudID, encryptedData: '', iv: '' }
    }),
    // ---- files
    downloadFile: wxAsync(
      'downloadFile',
      async ({ url }: { url: string }) => {
        const { status, bytes } = await httpGet(url)
        const ext = /\.([A-Za-z0-9]+)(?:\?|$)/.exec(new URL(url).pathname)?.[1] ?? 'bin'
        return { statusCode: status, tempFilePath: status === 200 ? device.files.put(bytes, ext) : '' }
      },
      'promise-or-callback',
      () => ({ abort: () => undefined, onProgressUpdate: () => undefined }),
    ),
    openDocument: wxAsync('openDocument', async (o: { filePath: string; fileType?: string; showMenu?: boolean }) => {
      const bytes = device.files.get(o.filePath)
      if (!bytes) throw wxFail('openDocument', `file not found ${o.filePath}`)
      if (sniff(bytes) === 'unknown') throw wxFail('openDocument', 'filetype not supported')
      device.documents.push({ ...o, bytes })
      return {}
    }),
    saveImageToPhotosAlbum: wxAsync('saveImageToPhotosAlbum', async ({ filePath }: { filePath: string }) => {
      askScope('saveImageToPhotosAlbum')
      const bytes = device.files.get(filePath)
      if (!bytes || sniff(bytes) !== 'png') throw wxFail('saveImageToPhotosAlbum', 'invalid file type')
      device.album.push({ filePath, bytes })
      return {}
    }),
    // ---- canvas 2d
    createSelectorQuery: () => selectorQuery(device),
    canvasToTempFilePath: wxAsync('canvasToTempFilePath', async ({ canvas }: { canvas?: unknown } & CallbackOptions) => {
      if (!(canvas instanceof FakeCanvas)) throw wxFail('canvasToTempFilePath', 'canvas is empty')
      return { tempFilePath: canvas.exportPng() }
    }),
  }
  // The base library answers canIUse for the APIs it has; this client has exactly the ones above.
  wx.canIUse = (schema: string) => schema.split('.')[0] in wx
  return wx
}
