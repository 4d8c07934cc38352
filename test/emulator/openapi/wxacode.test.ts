import { wxacodeText } from '../../../emulator/openapi'
import { decodeQrPng } from '../../support/qr'
import { sdkFailure } from '../storage/wx-sdk-harness'
import { callOpenApi, startOpenApiRig, type OpenApiRig } from './open-api-harness'

let rig: OpenApiRig

beforeAll(async () => {
  rig = await startOpenApiRig()
})

afterAll(() => rig.close())

const decodeQr = (png: Buffer) => decodeQrPng(png, 'the PNG')

const getUnlimited = (data: Record<string, unknown>) => callOpenApi(rig.cloud, 'wxacode.getUnlimited', data)

describe('wxacode.getUnlimited', () => {
  it('should answer a PNG that decodes to the page and scene', async () => {
    const res = await getUnlimited({ scene: 'inv=u1&c=camp7', page: 'pages/invite/index', width: 280 })

    expect(res.contentType).toBe('image/png')
    const qr = decodeQr(res.buffer as Buffer)
    expect(qr.params.get('page')).toBe('pages/invite/index')
    expect(qr.params.get('scene')).toBe('inv=u1&c=camp7')
    expect(qr.text).toBe(wxacodeText('pages/invite/index', 'inv=u1&c=camp7'))
  })

  it('should accept a scene of exactly 32 characters using every allowed symbol class', async () => {
    const scene = "aZ09!#$&'()*+,/:;=?@-._~abcdefgh"
    expect(scene).toHaveLength(32)

    const res = await getUnlimited({ scene, page: 'pages/home/index' })

    expect(decodeQr(res.buffer as Buffer).params.get('scene')).toBe(scene)
  })

  it('should use the first app page when no page is given', async () => {
    const res = await getUnlimited({ scene: 'x=1', width: 280 })

    expect(decodeQr(res.buffer as Buffer).params.get('page')).toBe('pages/home/index')
  })

  it('should draw the image at the requested width, clamped to WeChat limits', async () => {
    const wide = await getUnlimited({ scene: 'w=1', width: 600 })
    const tiny = await getUnlimited({ scene: 'w=2', width: 10 })

    expect(decodeQr(wide.buffer as Buffer).width).toBe(600)
    expect(decodeQr(tiny.buffer as Buffer).width).toBe(280)
  })

  it.each([
    ['longer than 32 characters', 'a'.repeat(33)],
    ['empty', ''],
    ['with a space', 'a b'],
    ['with Chinese characters', '邀请=1'],
    ['with a percent sign', 'a%20b'],
  ])('should refuse a scene %s with 40169', async (_label, scene) => {
    const failure = await sdkFailure(getUnlimited({ scene, page: 'pages/home/index' }))

    expect(failure.errCode).toBe(40169)
    expect(failure.errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail invalid scene/)
  })

  it('should refuse a page that is not a page of the app with 41030', async () => {
    const failure = await sdkFailure(getUnlimited({ scene: 'a=1', page: 'pages/nowhere/index' }))

    expect(failure.errCode).toBe(41030)
    expect(failure.errMsg).toContain('invalid page')
  })

  it('should refuse a page written with a leading slash with 41030', async () => {
    const failure = await sdkFailure(getUnlimited({ scene: 'a=1', page: '/pages/home/index' }))

    expect(failure.errCode).toBe(41030)
  })

  it('should accept an unknown page when check_path is false', async () => {
    const res = await getUnlimited({ scene: 'a=1', page: 'pages/unpublished/index', checkPath: false, width: 280 })

    expect(decodeQr(res.buffer as Buffer).params.get('page')).toBe('pages/unpublished/index')
  })
})
