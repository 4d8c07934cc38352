import * as fs from 'fs'
import type * as http from 'http'
import { lookup } from 'mime-types'
import type { ExtraRoute } from '../core/http'
import { readBody } from '../core/http'
import { cloudPathProblem } from './cloud-path'
import type { UrlSigner } from './url-signer'

/** URL prefixes the emulator serves storage under (beside the SDK's `/admin`). */
export const DOWNLOAD_PREFIX = '/__storage/'
export const UPLOAD_PREFIX = '/__storage_upload/'

/** What the routes need from the store. */
export interface StorageBackend {
  signer: UrlSigner
  diskPath(cloudPath: string): string | undefined
  write(cloudPath: string, bytes: Buffer): Promise<void>
}

let cosSeq = 0

/** COS answers failures with an XML `<Error>`; the node SDK destructures all four fields, so all are sent. */
function sendCosError(res: http.ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = `local-cos-${Date.now().toString(36)}-${(++cosSeq).toString(36)}`
  const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${esc(code)}</Code>\n<Message>${esc(message)}</Message>\n` +
    `<Resource>${esc(resource)}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-cos-request-id': id })
  res.end(body)
}

/** The cloud path named by a request URL under `prefix`, with its query; undefined when it is not ours. */
function parseTarget(req: http.IncomingMessage, prefix: string): { cloudPath: string | undefined; query: URLSearchParams } | undefined {
  const url = new URL(req.url ?? '/', 'http://local')
  if (!url.pathname.startsWith(prefix)) return undefined
  let cloudPath: string | undefined
  try {
    cloudPath = url.pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/')
  } catch {
    cloudPath = undefined
  }
  return { cloudPath: cloudPath !== undefined && !cloudPathProblem(cloudPath) ? cloudPath : undefined, query: url.searchParams }
}

function serveDownload(backend: StorageBackend): ExtraRoute {
  return async (req, res) => {
    const target = parseTarget(req, DOWNLOAD_PREFIX)
    if (!target) return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendCosError(res, 405, 'MethodNotAllowed', 'only GET and HEAD are allowed', req.url ?? '')
      return true
    }
    const { cloudPath, query } = target
    if (!cloudPath) {
      sendCosError(res, 400, 'InvalidURI', 'invalid object key', req.url ?? '')
      return true
    }
    const verdict = backend.signer.verify('get', cloudPath, query.get('sign'), query.get('t'))
    if (verdict !== 'ok') {
      sendCosError(res, 403, 'AccessDenied', verdict === 'expired' ? 'Request has expired' : 'Access Denied.', cloudPath)
      return true
    }
    const file = backend.diskPath(cloudPath)
    const stat = file ? await fs.promises.stat(file).catch(() => undefined) : undefined
    if (!file || !stat?.isFile()) {
      sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath)
      return true
    }
    // CORS lets the H5 build draw stored images into a canvas (invite posters) without tainting it.
    res.writeHead(200, {
      'content-type': lookup(cloudPath) || 'application/octet-stream',
      'content-length': stat.size,
      'access-control-allow-origin': '*',
      'cache-control': 'private, max-age=60',
      'last-modified': stat.mtime.toUTCString(),
    })
    if (req.method === 'HEAD') res.end()
    else fs.createReadStream(file).pipe(res)
    return true
  }
}

function serveUpload(backend: StorageBackend): ExtraRoute {
  return async (req, res) => {
    const target = parseTarget(req, UPLOAD_PREFIX)
    if (!target) return false
    if (req.method !== 'PUT') {
      sendCosError(res, 405, 'MethodNotAllowed', 'only PUT is allowed', req.url ?? '')
      return true
    }
    const { cloudPath, query } = target
    if (!cloudPath) {
      sendCosError(res, 400, 'InvalidURI', 'invalid object key', req.url ?? '')
      return true
    }
    const verdict = backend.signer.verify('put', cloudPath, query.get('sign'), query.get('t'))
    if (verdict !== 'ok') {
      sendCosError(
        res,
        403,
        verdict === 'expired' ? 'RequestTimeTooSkewed' : 'SignatureDoesNotMatch',
        'upload signature rejected',
        cloudPath,
      )
      return true
    }
    await backend.write(cloudPath, await readBody(req))
    // Success is an empty body, which the SDK's XML parser reads as "no error".
    res.writeHead(200, { 'content-length': 0, etag: `"${Date.now().toString(16)}"` })
    res.end()
    return true
  }
}

export function storageRoutes(backend: StorageBackend): ExtraRoute[] {
  return [serveDownload(backend), serveUpload(backend)]
}
