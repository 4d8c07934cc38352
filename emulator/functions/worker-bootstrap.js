'use strict'
/**
 * One cloud function instance. Plain CommonJS on purpose: workers load it with
 * Node's own loader (no TS loader exists there, jest does not transform it).
 *
 * - The function's `index.js` is required on the first invocation, as SCF does
 *   on a cold start, and stays loaded while the worker is warm.
 * - Each invocation first writes its WX context into this thread's own
 *   process.env copy: wx-server-sdk's getWXContext() reads only process.env, and
 *   the runtime sends one invocation at a time per worker, so contexts never mix.
 * - Requests to CloudBase's gateway host (AI models) go to the emulator too (core/gateway-redirect.js).
 * - Date is shifted by the emulator clock's offset, read from shared memory the
 *   main thread updates, so `Date.now()` and `new Date()` in function code give
 *   the emulator's time without the code knowing.
 */
const { parentPort, workerData } = require('worker_threads')
const { installGatewayRedirect } = require('../core/gateway-redirect.js')

// The SDK sends AI model requests to CloudBase's gateway host, not to TCB_CONTEXT_CNFG.URL: send them to the emulator.
installGatewayRedirect()

const RealDate = Date
// One cell (function-runtime.ts): the emulator clock's offset from real time × 2, or its frozen instant × 2 + 1.
const clockCell = new BigInt64Array(workerData.clockOffset)
const shiftedNow = () => {
  const cell = Atomics.load(clockCell, 0)
  return cell & 1n ? Number(cell >> 1n) : RealDate.now() + Number(cell >> 1n)
}

// A Proxy keeps Date.prototype, statics and `instanceof Date` intact; only
// "now" (no-argument construction, Date(), Date.now) moves.
const ShiftedDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget === ShiftedDate ? target : newTarget)
  },
  apply() {
    return new RealDate(shiftedNow()).toString()
  },
  get(target, prop, receiver) {
    if (prop === 'now') return shiftedNow
    return Reflect.get(target, prop, receiver)
  },
})
RealDate.prototype.constructor = ShiftedDate
globalThis.Date = ShiftedDate

// Bundles carry inline source maps: make function stack traces point at the TS sources.
if (typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true)

let main

function applyEnv(env) {
  for (const [key, value] of Object.entries(env)) {
    if (value === null || value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}

function describeError(err) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack || `${err.name}: ${err.message}` }
  let text
  try {
    text = typeof err === 'string' ? err : JSON.stringify(err)
  } catch {
    text = String(err)
  }
  return { name: 'Error', message: text, stack: text }
}

async function invoke(msg) {
  applyEnv(msg.env)
  if (!main) {
    const mod = require(workerData.entry)
    const candidate = mod && (mod.main || (mod.default && mod.default.main))
    if (typeof candidate !== 'function') throw new Error(`${workerData.entry} does not export a main(event, context) function`)
    main = candidate
  }
  parentPort.postMessage({ type: 'started', id: msg.id })
  const result = await main(msg.event, msg.context)
  // The cloud hands results back as JSON: Dates become strings, undefined becomes null.
  const json = JSON.stringify(result === undefined ? null : result)
  return json === undefined ? 'null' : json
}

parentPort.on('message', (msg) => {
  if (!msg || msg.type !== 'invoke') return
  invoke(msg).then(
    (json) => parentPort.postMessage({ type: 'done', id: msg.id, json }),
    (err) => parentPort.postMessage({ type: 'failed', id: msg.id, error: describeError(err) }),
  )
})
