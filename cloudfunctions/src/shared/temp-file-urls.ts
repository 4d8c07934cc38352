/**
 * Reading `getTempFileURL`'s per-file answers. wx-server-sdk turns each file's CloudBase code into a numeric
 * `status`: 0 ok, -503003 STORAGE_FILE_NONEXIST (missing, or a fileID of another env), -501007 INVALID_PARAM (a
 * fileID storage cannot even name). Those two mean "this file is not there". Anything else (-503001
 * STORAGE_REQUEST_FAIL, -501001 SYS_ERR …) is a storage failure: it throws, so the caller answers SYS.* and a retry
 * can succeed, instead of telling the member their file is gone.
 */
export interface TempFileEntry {
  fileID: string
  tempFileURL: string
  status: number
  errMsg?: string
}

const NOT_THERE = new Set([-503003, -501007])

export class StorageFailure extends Error {}

/** fileID → temp URL for every file storage has; throws StorageFailure when storage failed for any of them. */
export function availableUrls(list: readonly TempFileEntry[]): Map<string, string> {
  const urls = new Map<string, string>()
  for (const f of list) {
    if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
    else if (!NOT_THERE.has(f.status)) throw new StorageFailure(`getTempFileURL failed for ${f.fileID}: ${f.status} ${f.errMsg ?? ''}`)
  }
  return urls
}
