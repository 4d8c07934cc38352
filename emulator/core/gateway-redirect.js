'use strict'
/**
 * Routes the SDK's CloudBase gateway requests to the local emulator, in this process or worker thread only.
 *
 * @cloudbase/node-sdk sends the AI model requests and their access-token request to
 * `https://{envId}.api.tcloudbasegateway.com/...` (utils/tcbopenapiendpoint.js getGatewayUrl), a host it builds
 * itself and that TCB_CONTEXT_CNFG does not move. Its request core calls `https.request(url, options, cb)` through
 * the module object (utils/request-core.js), so replacing `https.request` here diverts exactly those calls: same
 * method, path, headers (including the `Host` the SDK sets) and body, sent over plain HTTP to the origin of
 * TCB_CONTEXT_CNFG.URL, read per request like the SDK reads it. Every other host goes to the real `https.request`.
 * Plain CommonJS: the worker bootstrap requires it with Node's own loader. Never part of a deployed bundle.
 */
const http = require('http')
const https = require('https')

const GATEWAY_HOST = /^[a-z0-9-]+\.api(\.intl)?\.tcloudbasegateway\.com$/i
const STATE = Symbol.for('cloudbase-local-emulator.gateway-redirect')

function emulatorOrigin(env) {
  try {
    const url = JSON.parse(env.TCB_CONTEXT_CNFG || '{}').URL
    if (typeof url !== 'string') return undefined
    const parsed = new URL(url)
    return parsed.protocol === 'http:' ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

function targetOf(args) {
  const first = args[0]
  if (typeof first === 'string' || first instanceof URL) {
    const url = new URL(String(first))
    const options = typeof args[1] === 'object' && args[1] !== null ? args[1] : {}
    return { url, options, callback: typeof args[1] === 'function' ? args[1] : args[2] }
  }
  if (first && typeof first === 'object') {
    const host = first.hostname || (first.host || '').split(':')[0]
    const url = new URL(`https://${host}${first.path || '/'}`)
    return { url, options: first, callback: args[1] }
  }
  return undefined
}

/**
 * Idempotent. A later call only re-binds which `process.env` is read: jest gives every test file its own `process`
 * object while Node's `https` module stays one per thread, so the env of the file that pointed the SDK last wins.
 */
function installGatewayRedirect() {
  const env = () => process.env
  if (https[STATE]) {
    https[STATE].env = env
    return
  }
  const state = { env, realRequest: https.request }
  https[STATE] = state
  https.request = function request(...args) {
    const target = targetOf(args)
    const origin = emulatorOrigin(state.env())
    const realRequest = state.realRequest
    if (!target || !origin || !GATEWAY_HOST.test(target.url.hostname)) return realRequest.apply(this, args)
    const headers = { ...(target.options.headers || {}) }
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = target.url.host
    // The SDK's keep-alive agent is an https one; a plain-HTTP request needs its own.
    const options = { ...target.options, headers, agent: undefined, protocol: 'http:' }
    delete options.host
    delete options.hostname
    delete options.port
    delete options.path
    const local = new URL(`${target.url.pathname}${target.url.search}`, origin)
    return http.request(local, options, target.callback)
  }
}

module.exports = { installGatewayRedirect, GATEWAY_HOST }
