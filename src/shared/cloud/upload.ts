import { currentPersona } from './persona'

/**
 * Local mode (H5): the chosen file is a blob/object URL; its bytes go to the emulator's
 * local upload endpoint, which stores them as cloud storage does and answers the fileID.
 */
export async function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  const blob = await (await fetch(filePath)).blob()
  const res = await fetch(`/__local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-dev-openid': currentPersona(), 'content-type': 'application/octet-stream' },
    body: blob,
  })
  // 403: the storage rules refused the path (another member's folder, a material file, sealed copies).
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status}`)
  return ((await res.json()) as { fileID: string }).fileID
}

/**
 * H5 cannot load cloud:// URLs: the emulator redirects this path to the file's signed temp URL when the persona may
 * read it (local/dev/file-access.ts). <Image> sends no headers, so the persona rides along as `as`.
 */
export const fileSrc = (fileID: string): string =>
  fileID.startsWith('cloud://') ? `/__local/files?fileID=${encodeURIComponent(fileID)}&as=${encodeURIComponent(currentPersona())}` : fileID

/** Local mode (H5): a cloud file is read through the emulator's signed redirect; the URL stands for the local path. */
export async function downloadCloudFile(fileID: string): Promise<string> {
  return fileSrc(fileID)
}
