/**
 * The environment a cloud function instance sees, split as SCF splits it:
 * instance env (fixed for a worker) and invocation env (rewritten before each
 * event). wx-server-sdk 4.0.2 / @cloudbase/node-sdk 3.17 read, from process.env:
 *  - getWXContext(): every key listed in WX_CONTEXT_KEYS (WX_ prefix stripped,
 *    WX_API_TOKEN hidden), plus ENV = TCB_ENV || SCF_NAMESPACE and SOURCE = TCB_SOURCE;
 *  - requests: URL from TCB_CONTEXT_CNFG, credentials from TENCENTCLOUD_SECRETID /
 *    SECRETKEY / SESSIONTOKEN (the secret id travels in the Authorization header),
 *    `wxCloudApiToken` in the body from WX_API_TOKEN (WX_TRIGGER_API_TOKEN_V0 when
 *    TRIGGER_SRC=timer), header X-TCB-Source = `${TCB_SOURCE},${runEnvTag}`;
 *  - TENCENTCLOUD_RUNENV=SCF makes the SDK behave as inside SCF (no metadata probe,
 *    env from TCB_ENV), and then it expects TENCENTCLOUD_REGION and SCF_NAMESPACE.
 */

export interface Invoker {
  openid?: string
  appid?: string
  unionid?: string
  /** Who triggered the call: 'wx_client' | 'wx_devtools' | 'wx_http' | 'wx_trigger' | '<source>,scf' … */
  source?: string
  clientIp?: string
  clientIpv6?: string
}

/** Invocation-scoped keys; all of them are rewritten (or removed) before every event. */
const WX_CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_API_TOKEN']

export interface InstanceEnvInput {
  adminUrl: string
  envId: string
  functionName: string
  envVariables: Record<string, string>
}

/** Env a worker starts with. Only a few host variables pass through: function code should not see the emulator's env. */
export function instanceEnv(input: InstanceEnvInput): Record<string, string> {
  const host: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'NODE_ENV']) {
    const v = process.env[key]
    if (v !== undefined) host[key] = v
  }
  return {
    ...host,
    ...input.envVariables,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: input.adminUrl }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TCB_ENV: input.envId,
    SCF_NAMESPACE: input.envId,
    SCF_FUNCTIONNAME: input.functionName,
    // The SDK warns about slow database calls after 3 s; a paused debugger should not spam.
    SILENCE: 'true',
  }
}

/**
 * Env for one invocation. `token` identifies the invocation when the SDK calls
 * back into the emulator: it is both the secret id (Authorization header) and
 * the WX API token (request body), as the real platform's per-invocation token.
 */
export function invocationEnv(invoker: Invoker, token: string, isTimer: boolean): Record<string, string | null> {
  return {
    WX_CONTEXT_KEYS: WX_CONTEXT_KEYS.join(','),
    WX_OPENID: invoker.openid || null,
    WX_APPID: invoker.appid || null,
    WX_UNIONID: invoker.unionid || null,
    WX_CLIENTIP: invoker.clientIp || null,
    WX_CLIENTIPV6: invoker.clientIpv6 || null,
    WX_API_TOKEN: token,
    WX_TRIGGER_API_TOKEN_V0: isTimer ? token : null,
    TRIGGER_SRC: isTimer ? 'timer' : null,
    TCB_SOURCE: invoker.source || null,
    TENCENTCLOUD_SECRETID: token,
  }
}

/**
 * What a function called by another function sees. WeChat documents SOURCE as
 * following the call chain ("wx_client" in A, "wx_client,scf" in B). The docs
 * promise OPENID only for calls from the mini program, but the platform carries
 * the caller's WX context to the callee (its token is per user invocation), and
 * code here relies on that being true: so the callee gets the caller's OPENID,
 * APPID and UNIONID, and a timer-started chain stays without OPENID.
 */
export function calleeInvoker(parent: Invoker | undefined): Invoker {
  if (!parent) return { source: 'scf' }
  return {
    openid: parent.openid,
    appid: parent.appid,
    unionid: parent.unionid,
    source: parent.source ? `${parent.source},scf` : 'scf',
  }
}
