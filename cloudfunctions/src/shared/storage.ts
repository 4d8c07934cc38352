/** Short-lived download URLs of cloud storage files, for every feature that hands one to a client. */
import { result, sdk } from './cloud'
import { availableUrls, type TempFileEntry } from './temp-file-urls'

/** Seconds an `open` URL lives: long enough to download, short enough not to be worth sharing. */
export const OPEN_URL_SECONDS = 600

interface TempUrlAnswer {
  fileList: TempFileEntry[]
}

/** URLs of the files storage has; a storage failure throws (SYS.*), it never reads as a missing file. */
export async function tempUrls(fileIds: readonly string[], maxAge: number): Promise<Map<string, string>> {
  const res = await result(sdk().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge })) }) as Promise<TempUrlAnswer>)
  return availableUrls(res.fileList)
}

/** A short-lived URL for one file, or null when storage no longer has it. */
export async function downloadUrl(fileId: string): Promise<string | null> {
  return (await tempUrls([fileId], OPEN_URL_SECONDS)).get(fileId) ?? null
}
