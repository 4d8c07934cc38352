/** Cloud storage for materials: which env we run in, whether files exist, short-lived download URLs. */
import { result, sdk } from '../../shared/cloud'
import { availableUrls, type TempFileEntry } from '../../shared/temp-file-urls'

/** Seconds an `open` URL lives: long enough to download, short enough not to be worth sharing. */
export const OPEN_URL_SECONDS = 600

/**
 * This function's environment id, which every material file's fileID must name: getWXContext().ENV during an
 * invocation; outside one (the demo seed) the SDK's own source of it, TCB_ENV / SCF_NAMESPACE.
 */
export function currentEnvId(): string {
  const ctx = sdk().getWXContext() as { ENV?: string }
  return ctx.ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || ''
}

interface TempUrlAnswer {
  fileList: TempFileEntry[]
}

/** URLs of the files storage has; a storage failure throws (SYS.*), it never reads as a missing file. */
async function tempUrls(fileIds: readonly string[], maxAge: number): Promise<Map<string, string>> {
  const res = await result(sdk().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge })) }) as Promise<TempUrlAnswer>)
  return availableUrls(res.fileList)
}

/** The fileIDs storage does not know (one request for all of them). */
export async function missingFiles(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return []
  const urls = await tempUrls(fileIds, 60)
  return fileIds.filter((id) => !urls.has(id))
}

/** A short-lived URL for one file, or null when storage no longer has it. */
export async function downloadUrl(fileId: string): Promise<string | null> {
  return (await tempUrls([fileId], OPEN_URL_SECONDS)).get(fileId) ?? null
}
