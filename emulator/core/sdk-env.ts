import { installGatewayRedirect } from './gateway-redirect'

/**
 * Points the unchanged wx-server-sdk of THIS process at a local emulator (the SDK
 * reads these variables on every request). Used by tests, benchmarks and the demo
 * seed, which run the real services in-process.
 */
export function pointSdkAt(url: string, envId = 'local-dev'): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` })
  // The SDK refuses to send unsigned requests; nothing checks the signature locally.
  process.env.TENCENTCLOUD_SECRETID = 'local-secret-id'
  process.env.TENCENTCLOUD_SECRETKEY = 'local-secret-key'
  process.env.TCB_ENV = envId
  process.env.SCF_NAMESPACE = envId
  process.env.TENCENTCLOUD = 'true'
  // The AI gateway host is built by the SDK itself; divert it (only it) to the same emulator.
  installGatewayRedirect()
}
