/** See gateway-redirect.js: diverts `https.request` for `*.api.tcloudbasegateway.com` to the local emulator. */
export function installGatewayRedirect(): void
export const GATEWAY_HOST: RegExp
