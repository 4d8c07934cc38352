import * as http from 'http'
import type { AddressInfo } from 'net'
import busboy from 'busboy'
import { CloudError } from './errors'
import { ActionRouter, RawReply, type ActionParams, type RequestContext } from './router'

/** A route served beside the SDK endpoint (local-only endpoints, static files). Returns false to pass. */
export type ExtraRoute = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>

let requestSeq = 0
const requestId = () => `local-${Date.now().toString(36)}-${(++requestSeq).toString(36)}`

export function readBody(req: http.IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new CloudError('INVALID_PARAM', 'request body too large', 413))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseMultipart(req: http.IncomingMessage): Promise<{ fields: Record<string, string>; files: Record<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {}
    const files: Record<string, Buffer> = {}
    const bb = busboy({ headers: req.headers, limits: { fileSize: 64 * 1024 * 1024 } })
    bb.on('field', (name, value) => (fields[name] = value))
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => (files[name] = Buffer.concat(chunks)))
    })
    bb.on('close', () => resolve({ fields, files }))
    bb.on('error', reject)
    req.pipe(bb)
  })
}

/** Decodes one SDK request into `{ action, ...params }` plus multipart files. */
export async function decodeSdkRequest(req: http.IncomingMessage): Promise<{ params: ActionParams; ctx: RequestContext }> {
  const type = String(req.headers['content-type'] ?? '')
  const ctx: RequestContext = { headers: req.headers }
  if (type.startsWith('multipart/form-data')) {
    const { fields, files } = await parseMultipart(req)
    ctx.files = files
    for (const [k, v] of Object.entries(files)) if (!(k in fields)) (fields as Record<string, unknown>)[k] = v
    return { params: fields as unknown as ActionParams, ctx }
  }
  const raw = await readBody(req)
  let parsed: unknown
  try {
    parsed = raw.length ? JSON.parse(raw.toString('utf8')) : {}
  } catch {
    throw new CloudError('INVALID_PARAM', 'request body is not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new CloudError('INVALID_PARAM', 'request body must be an object')
  const params = parsed as ActionParams
  if (typeof params.action !== 'string') throw new CloudError('INVALID_PARAM', 'missing action')
  return { params, ctx }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function sendReply(res: http.ServerResponse, result: unknown): void {
  if (result instanceof RawReply) {
    res.writeHead(200, { 'content-type': result.contentType, 'content-length': result.body.length, ...result.headers })
    res.end(result.body)
    return
  }
  sendJson(res, 200, result)
}

/** Errors become CloudBase-shaped bodies; the server itself never throws. */
export function sendError(res: http.ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (err instanceof CloudError) {
    sendJson(res, err.httpStatus, { code: err.code, message: err.message, requestId: requestId() })
    return
  }
  const message = err instanceof Error ? err.message : String(err)
  sendJson(res, 200, { code: 'SYS_ERR', message: `local emulator internal error: ${message}`, requestId: requestId() })
}

export interface HttpServerHandle {
  url: string
  port: number
  server: http.Server
  close(): Promise<void>
}

/** Serves the SDK endpoint (`POST /admin…`) and any extra routes on 127.0.0.1. */
export async function startHttpServer(router: ActionRouter, extraRoutes: ExtraRoute[] = [], port = 0): Promise<HttpServerHandle> {
  const server = http.createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0]
      // The SDK endpoint first: it carries nearly every request, and the extra routes parse their URL to decline it.
      if (req.method === 'POST' && path.startsWith('/admin')) {
        const { params, ctx } = await decodeSdkRequest(req)
        sendReply(res, await router.dispatch(params, ctx))
        return
      }
      for (const route of extraRoutes) if (await route(req, res)) return
      sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${path}` })
    } catch (err) {
      sendError(res, err)
    }
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
