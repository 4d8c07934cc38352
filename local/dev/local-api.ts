/**
 * Local-only HTTP endpoints under `/__local/` for the H5 build and the dev
 * panel. They stand in for what WeChat does on the client side: invoking a
 * function with the user's identity, granting subscribe-message credits,
 * issuing CloudIDs for open data. The weapp build never calls them.
 */
import type * as http from 'http'
import { businessDay } from '../../cloudfunctions/src/domain/business-day'
import { GRADE_LABEL } from '../../cloudfunctions/src/domain/identity'
import type { PanelView } from '../../src/features/dev/panel-view'
import type { EmulatorClock } from '../../emulator/core/clock'
import { readBody, sendJson, type ExtraRoute } from '../../emulator/core/http'
import type { FunctionRuntime } from '../../emulator/functions'
import { jobsOf, runTimerJob } from './timer-jobs'
import type { LocalOpenApi } from '../../emulator/openapi'
import { fileIdOf, type LocalStorage } from '../../emulator/storage'
import { cloudPathProblem } from '../../emulator/storage/cloud-path'
import { readAccess, uploadAccess, type FileAccessDeps } from './file-access'
import { DEV_APPID, DEV_GROUPS, type Persona } from './personas'

export interface LocalApiDeps {
  storage: LocalStorage
  /** Read for the storage rules (roles, which files belong to materials). */
  db: FileAccessDeps['db']
  clock: EmulatorClock
  runtime: FunctionRuntime
  openapi: LocalOpenApi
  personas: Persona[]
}

type Json = Record<string, unknown>
type Handler = (req: http.IncomingMessage, body: Json, persona: Persona | undefined) => Promise<[number, unknown]>

async function jsonBody(req: http.IncomingMessage): Promise<Json> {
  const raw = await readBody(req, 1024 * 1024)
  if (!raw.length) return {}
  const parsed: unknown = JSON.parse(raw.toString('utf8'))
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('body must be a JSON object')
  return parsed as Json
}

const unknownPersona: [number, unknown] = [401, { code: 'LOCAL.UNKNOWN_PERSONA', message: '未知的本地身份，请在“切换身份”页选择' }]

export function localApi({ clock, runtime, openapi, personas, storage, db }: LocalApiDeps): ExtraRoute {
  const clockView = () => ({ now: clock.now(), offsetMs: clock.offset(), businessDay: businessDay(clock.now()) })

  const routes: Record<string, Handler> = {
    'GET /__local/personas': async () => [
      200,
      personas.map(({ openid, nickname, role, grade }) => ({ openid, nickname, role, grade: grade ? GRADE_LABEL[grade] : undefined })),
    ],
    'GET /__local/clock': async () => [200, clockView()],
    'POST /__local/clock': async (_req, body) => {
      if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) clock.advance(body.advanceMs)
      else if (typeof body.set === 'number' && Number.isFinite(body.set)) clock.set(body.set)
      else return [400, { code: 'LOCAL.BAD_CLOCK', message: 'advanceMs or set (epoch ms) required' }]
      await runtime.fireDueTriggers()
      return [200, clockView()]
    },
    'GET /__local/panel': async () => {
      // Typed by the page's own view (src/features/dev/panel-view.ts): the outbox keeps `time`, the page reads `sentAt`.
      const panel: PanelView = {
        clock: clockView(),
        groups: DEV_GROUPS,
        outbox: openapi.outbox().map(({ time, touser, templateId, page, data }) => ({ touser, templateId, page, data, sentAt: time })),
        pendingMediaChecks: openapi.pendingMediaChecks(),
        functions: runtime.list().map((f) => ({ ...f, jobs: jobsOf(f.name) })),
      }
      return [200, panel]
    },
    'GET /__local/outbox': async () => [200, openapi.outbox()],
    'POST /__local/subscribe': async (_req, body, persona) => {
      if (!persona) return unknownPersona
      const ids = Array.isArray(body.templateIds) ? body.templateIds.filter((t): t is string => typeof t === 'string') : []
      openapi.grantSubscription(persona.openid, ids)
      return [200, Object.fromEntries(ids.map((id) => [id, 'accept']))]
    },
    'POST /__local/cloudid': async (_req, body, persona) => {
      if (!persona) return unknownPersona
      if (body.kind === 'phoneNumber') {
        const data = { phoneNumber: persona.phoneNumber, purePhoneNumber: persona.phoneNumber, countryCode: '86' }
        return [200, { cloudID: openapi.issueCloudId(persona.openid, 'phoneNumber', data) }]
      }
      if (body.kind === 'groupEnterInfo') {
        const groupId = typeof body.groupId === 'string' ? body.groupId : persona.groups[0]
        if (!groupId || !persona.groups.includes(groupId)) return [403, { code: 'LOCAL.NOT_IN_GROUP', message: '该身份不在这个微信群里' }]
        return [200, { cloudID: openapi.issueCloudId(persona.openid, 'groupEnterInfo', { opengid: groupId }) }]
      }
      return [400, { code: 'LOCAL.BAD_KIND', message: 'kind must be phoneNumber or groupEnterInfo' }]
    },
    'GET /__local/files': async (req, _body, persona) => {
      // What <Image src> and <Audio src> load in H5: redirect to the signed temp URL of a cloud:// fileID the
      // persona may read (file-access.ts; <Image> cannot send headers, so the persona comes as a query parameter).
      const query = new URL(req.url ?? '/', 'http://local').searchParams
      const fileID = query.get('fileID') ?? ''
      const cloudPath = storage.cloudPathOf(fileID)
      const reader = persona ?? personas.find((p) => p.openid === query.get('as'))
      if (cloudPath !== undefined && storage.exists(fileID)) {
        const access = await readAccess({ db }, reader?.openid, fileID, cloudPath)
        if (!access.ok) return [access.status, { code: access.code, message: access.message }]
      }
      const url = storage.exists(fileID) ? storage.publicUrlOf(fileID) : undefined
      // The temp URL is raw (as CloudBase hands it out); a Location header must be percent-encoded (Chinese file names).
      return url ? [302, { location: encodeURI(url) }] : [404, { code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' }]
    },
    'POST /__local/moderation/deliver': async () => [200, { delivered: await openapi.deliverPendingMediaChecks() }],
    'POST /__local/triggers/run': async (_req, body) => {
      if (typeof body.function !== 'string') return [400, { code: 'LOCAL.BAD_TRIGGER', message: 'function and job (or trigger) required' }]
      if (typeof body.job === 'string') return [200, { ok: true, result: await runTimerJob(runtime, body.function, body.job) }]
      if (typeof body.trigger !== 'string') return [400, { code: 'LOCAL.BAD_TRIGGER', message: 'function and job (or trigger) required' }]
      return [200, { ok: true, result: await runtime.runTrigger(body.function, body.trigger) }]
    },
  }

  return async (req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0]
    if (!urlPath.startsWith('/__local/')) return false
    const persona = personas.find((p) => p.openid === req.headers['x-dev-openid'])
    try {
      if (urlPath === '/__local/upload' && req.method === 'POST') {
        // What wx.cloud.uploadFile does from the client: raw bytes to a cloud path, answered with the fileID.
        if (!persona) {
          sendJson(res, ...unknownPersona)
          return true
        }
        const cloudPath = new URL(req.url ?? '/', 'http://local').searchParams.get('cloudPath') ?? ''
        const bytes = await readBody(req, 20 * 1024 * 1024)
        const fileID = cloudPathProblem(cloudPath) ? undefined : fileIdOf(storage.envId, cloudPath)
        const access = fileID ? await uploadAccess({ db }, persona.openid, cloudPath, storage.exists(fileID)) : undefined
        if (access && !access.ok) {
          sendJson(res, access.status, { code: access.code, message: access.message })
          return true
        }
        try {
          sendJson(res, 200, { fileID: await storage.put(cloudPath, bytes) })
        } catch (err) {
          sendJson(res, 400, { code: 'STORAGE.INVALID_PATH', message: err instanceof Error ? err.message : String(err) })
        }
        return true
      }
      const fn = /^\/__local\/functions\/([A-Za-z0-9_-]+)$/.exec(urlPath)
      if (fn && req.method === 'POST') {
        if (!persona) {
          sendJson(res, ...unknownPersona)
          return true
        }
        const out = await runtime.invoke(fn[1], await jsonBody(req), { openid: persona.openid, appid: DEV_APPID, source: 'wx_client' })
        // wx.cloud.callFunction rejects on a function error; the H5 transport mirrors that with a non-2xx status.
        if (out.error) sendJson(res, 502, out.error)
        else sendJson(res, 200, out.result ?? null)
        return true
      }
      const route = routes[`${req.method} ${urlPath}`]
      if (!route) {
        sendJson(res, 404, { code: 'LOCAL.NOT_FOUND', message: `${req.method} ${urlPath}` })
        return true
      }
      const [status, body] = await route(req, req.method === 'POST' ? await jsonBody(req) : {}, persona)
      if (status === 302) {
        res.writeHead(302, { location: (body as { location: string }).location })
        res.end()
        return true
      }
      sendJson(res, status, body)
    } catch (err) {
      const bad = err instanceof SyntaxError
      sendJson(res, bad ? 400 : 500, {
        code: bad ? 'LOCAL.BAD_JSON' : 'LOCAL.ERROR',
        message: err instanceof Error ? err.message : String(err),
      })
    }
    return true
  }
}
