/** Cloud storage for materials: which env we run in, whether files exist, short-lived download URLs. */
import { sdk } from '../../shared/cloud'
import { tempUrls } from '../../shared/storage'

export { downloadUrl, OPEN_URL_SECONDS } from '../../shared/storage'

/**
 * This function's environment id, which every material file's fileID must name: getWXContext().ENV during an
 * invocation; outside one (the demo seed) the SDK's own source of it, TCB_ENV / SCF_NAMESPACE.
 */
export function currentEnvId(): string {
  const ctx = sdk().getWXContext() as { ENV?: string }
  return ctx.ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || ''
}

/** The fileIDs storage does not know (one request for all of them). */
export async function missingFiles(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return []
  const urls = await tempUrls(fileIds, 60)
  return fileIds.filter((id) => !urls.has(id))
}
