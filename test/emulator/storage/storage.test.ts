import * as fs from 'fs'
import * as http from 'http'
import * as os from 'os'
import * as path from 'path'
import { ActionRouter } from '../../../emulator/core/router'
import { startHttpServer, type HttpServerHandle } from '../../../emulator/core/http'
import { LocalStorage, fileIdOf } from '../../../emulator/storage'
import { UrlSigner } from '../../../emulator/storage/url-signer'
import { TEST_ENV_ID, connectWxSdk, deleteFile, getTempFileURL, sdkFailure, type WxCloud } from './wx-sdk-harness'

const SIGN_KEY = 'storage-test-key'
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

let dir: string
let server: HttpServerHandle
let storage: LocalStorage
let cloud: WxCloud
let now = Date.now()

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-test-'))
  const router = new ActionRouter()
  let base = ''
  storage = new LocalStorage({
    dir: path.join(dir, 'storage'),
    envId: TEST_ENV_ID,
    publicUrl: () => base,
    now: () => now,
    signKey: SIGN_KEY,
  })
  storage.register(router)
  server = await startHttpServer(router, storage.routes())
  base = server.url
  cloud = connectWxSdk(server.url)
})

afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  now = Date.now()
})

/** A raw GET whose path is sent exactly as written (no client-side normalisation). */
function rawGet(pathAndQuery: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathAndQuery, method: 'GET' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function tempUrlOf(fileID: string): Promise<string> {
  const res = await getTempFileURL(cloud, [fileID])
  return res.fileList[0].tempFileURL
}

describe('uploadFile', () => {
  it('should store the bytes on disk under the cloud path and answer a cloud:// fileID', async () => {
    const res = await cloud.uploadFile({ cloudPath: 'avatars/u1.png', fileContent: PNG_BYTES })

    expect(res.fileID).toBe(fileIdOf(TEST_ENV_ID, 'avatars/u1.png'))
    expect(res.fileID).toMatch(new RegExp(`^cloud://${TEST_ENV_ID}\\.[0-9a-f]{4}-${TEST_ENV_ID}-\\d+/avatars/u1\\.png$`))
    expect(fs.readFileSync(path.join(dir, 'storage', 'avatars', 'u1.png'))).toEqual(PNG_BYTES)
  })

  // CloudBase: "将本地资源上传至云存储空间，如果上传至同一路径则是覆盖写" (wx.cloud.uploadFile / uploadFile docs,
  // developers.weixin.qq.com …/reference-sdk-api/storage/uploadFile) — same fileID, new bytes. This is why check-in
  // media and avatars are shown from sealed copies (cloudfunctions/src/services/media/seal.ts).
  it('should overwrite an existing file at the same cloud path and keep its fileID', async () => {
    const first = await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: Buffer.from('first') })
    const res = await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: Buffer.from('second') })

    expect(res.fileID).toBe(first.fileID)
    expect((await storage.get(res.fileID))?.toString()).toBe('second')
  })

  it.each(['../escape.txt', 'a/../../escape.txt', '/abs.txt', 'a//b.txt', 'a/./b.txt', 'a\\..\\b.txt', 'q?.txt'])(
    'should refuse the cloud path %s with code INVALID_PARAM and write nothing outside the store',
    async (cloudPath) => {
      const failure = await sdkFailure(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }))

      expect(failure.code).toBe('INVALID_PARAM')
      expect(fs.existsSync(path.join(dir, 'escape.txt'))).toBe(false)
      expect(fs.existsSync(path.join(os.tmpdir(), 'escape.txt'))).toBe(false)
    },
  )
})

describe('getTempFileURL', () => {
  it('should hand out an HTTP URL that serves the same bytes with the content type of the file name', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'posters/p1.png', fileContent: PNG_BYTES })

    const res = await fetch(await tempUrlOf(fileID))

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG_BYTES)
  })

  it('should serve audio with an audio content type so the H5 page can play it', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'voice/v1.mp3', fileContent: Buffer.from('ID3fake') })

    const res = await fetch(await tempUrlOf(fileID))

    expect(res.headers.get('content-type')).toBe('audio/mpeg')
  })

  it('should report STORAGE_FILE_NONEXIST per file for a missing file while serving the others', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'ok/here.txt', fileContent: Buffer.from('here') })
    const missing = fileIdOf(TEST_ENV_ID, 'ok/missing.txt')

    const res = await getTempFileURL(cloud, [fileID, missing])

    expect(res.fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok' })
    expect(res.fileList[1]).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' })
  })

  it('should refuse a temp URL whose signature was made for another file', async () => {
    await cloud.uploadFile({ cloudPath: 'secret/a.txt', fileContent: Buffer.from('a') })
    const { fileID } = await cloud.uploadFile({ cloudPath: 'secret/b.txt', fileContent: Buffer.from('b') })
    const forged = (await tempUrlOf(fileID)).replace('secret/b.txt', 'secret/a.txt')

    const res = await fetch(forged)

    expect(res.status).toBe(403)
    expect(await res.text()).toContain('<Code>AccessDenied</Code>')
  })

  it('should refuse a temp URL after its max age has passed', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'aging/a.txt', fileContent: Buffer.from('a') })
    const res = await getTempFileURL(cloud, [{ fileID, maxAge: 60 }])
    now += 61_000

    const fetched = await fetch(res.fileList[0].tempFileURL)

    expect(fetched.status).toBe(403)
    expect(await fetched.text()).toContain('expired')
  })

  it.each([
    ['a dot-dot segment', '../outside.txt', '/__storage/..%2Foutside.txt'],
    ['an encoded dot-dot segment', '../outside.txt', '/__storage/%2E%2E/outside.txt'],
    ['a backslash', '..\\outside.txt', '/__storage/..%5Coutside.txt'],
  ])('should not serve a file outside the store through %s, even with a valid signature', async (_label, signedPath, urlPath) => {
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'TOP-SECRET')
    // Signing with the store's own key isolates the path check from the signature check.
    const { sign, t } = new UrlSigner(() => now, SIGN_KEY).sign('get', signedPath, 60)

    const res = await rawGet(`${urlPath}?sign=${sign}&t=${t}`)

    // 400 from the storage route, or 404 when URL parsing already folded the segment away.
    expect([400, 404]).toContain(res.status)
    expect(res.body).not.toContain('TOP-SECRET')
  })

  it('should not let a raw ../ path in the URL reach the file system', async () => {
    const res = await rawGet('/__storage/../../../etc/passwd?sign=x&t=9999999999')

    expect(res.status).toBe(404)
    expect(res.body).not.toContain('root:')
  })
})

describe('downloadFile', () => {
  it('should return the stored bytes', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'docs/guide.pdf', fileContent: PNG_BYTES })

    const res = await cloud.downloadFile({ fileID })

    expect(Buffer.from(res.fileContent)).toEqual(PNG_BYTES)
  })

  it('should round-trip a file whose name is Chinese', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: '资料/第一课 讲义.txt', fileContent: Buffer.from('讲义内容') })

    const res = await cloud.downloadFile({ fileID })

    expect(Buffer.from(res.fileContent).toString()).toBe('讲义内容')
  })

  it('should fail with the storage error code for a missing file', async () => {
    const failure = await sdkFailure(cloud.downloadFile({ fileID: fileIdOf(TEST_ENV_ID, 'nope/missing.bin') }))

    expect(failure.code).toBe('STORAGE_FILE_NONEXIST')
    expect(failure.errMsg).toBe('downloadFile:fail storage file not exists')
  })
})

describe('deleteFile', () => {
  it('should delete the file so it no longer exists', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/del.txt', fileContent: Buffer.from('x') })

    const res = await deleteFile(cloud, [fileID])

    expect(res.fileList[0]).toMatchObject({ fileID, status: 0 })
    expect(storage.exists(fileID)).toBe(false)
  })

  it('should report a missing file with STORAGE_FILE_NONEXIST', async () => {
    const missing = fileIdOf(TEST_ENV_ID, 'tmp/never.txt')

    const res = await deleteFile(cloud, [missing])

    expect(res.fileList[0]).toMatchObject({ fileID: missing, status: -503003 })
  })
})

// A fileID of another env names a file in another bucket: CloudBase answers it as a missing file (per file
// `code: 'STORAGE_FILE_NONEXIST'` → status -503003 from getTempFileURL / deleteFile; downloadFile throws it), the
// same as a missing file of this env (node-sdk storage/index.js: downloadFile returns processReturn of the per-file
// code, which throws). Only a malformed fileID is INVALID_PARAM.
describe('fileIDs of another env', () => {
  const foreign = () => fileIdOf('other-env-9z', 'posters/p1.png')

  it('should answer STORAGE_FILE_NONEXIST per file from getTempFileURL', async () => {
    await storage.put('posters/p1.png', PNG_BYTES)

    const res = await getTempFileURL(cloud, [foreign()])

    expect(res.fileList[0]).toMatchObject({ fileID: foreign(), status: -503003, tempFileURL: '' })
  })

  it('should make downloadFile fail with STORAGE_FILE_NONEXIST', async () => {
    const failure = await sdkFailure(cloud.downloadFile({ fileID: foreign() }))

    expect(failure.code).toBe('STORAGE_FILE_NONEXIST')
  })

  it('should answer STORAGE_FILE_NONEXIST from deleteFile and leave the file of the same path in this env alone', async () => {
    const own = await storage.put('posters/keep.png', PNG_BYTES)

    const res = await deleteFile(cloud, [fileIdOf('other-env-9z', 'posters/keep.png')])

    expect(res.fileList[0]).toMatchObject({ status: -503003 })
    expect(storage.exists(own)).toBe(true)
  })

  it('should still answer a malformed fileID as an invalid parameter, not a missing file', async () => {
    const res = await getTempFileURL(cloud, ['not-a-file-id'])

    expect(res.fileList[0].status).not.toBe(-503003)
    expect(res.fileList[0].status).not.toBe(0)
  })
})

describe('direct store access', () => {
  it('should put, find and read a file by fileID', async () => {
    const fileID = await storage.put('seed/logo.png', PNG_BYTES)

    expect(storage.exists(fileID)).toBe(true)
    expect(await storage.get(fileID)).toEqual(PNG_BYTES)
  })

  it('should not resolve a fileID of another env', async () => {
    await storage.put('seed/other.png', PNG_BYTES)
    const foreign = fileIdOf('other-env', 'seed/other.png')

    expect(storage.exists(foreign)).toBe(false)
    expect(await storage.get(foreign)).toBeUndefined()
  })

  it('should turn a fileID into a public URL that serves the file', async () => {
    const fileID = await storage.put('seed/public.png', PNG_BYTES)

    const res = await fetch(storage.publicUrlOf(fileID) ?? '')

    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG_BYTES)
  })

  it('should refuse an upload PUT whose signature is wrong', async () => {
    const res = await fetch(`${server.url}/__storage_upload/seed/forged.txt?sign=bad&t=9999999999`, { method: 'PUT', body: 'x' })

    expect(res.status).toBe(403)
    expect(fs.existsSync(path.join(dir, 'storage', 'seed', 'forged.txt'))).toBe(false)
  })
})
