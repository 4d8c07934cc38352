import * as fs from 'fs'
import * as path from 'path'
import { randomBytes } from 'crypto'
import { CloudError } from '../core/errors'
import type { ExtraRoute } from '../core/http'
import type { ActionParams, ActionRouter } from '../core/router'
import { cloudPathOf, cloudPathProblem, diskPathOf, fileIdOf, isForeignFileId } from './cloud-path'
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX, storageRoutes } from './http-routes'
import { UrlSigner } from './url-signer'

export { fileIdOf, cloudPathOf } from './cloud-path'

export interface LocalStorageOptions {
  /** Directory holding the files: `<dir>/<cloudPath>`. */
  dir: string
  envId: string
  /** Base URL the emulator is reachable at (e.g. `http://127.0.0.1:3000`), read when a URL is minted. */
  publicUrl: () => string
  /** Time source for URL expiry; pass the emulator clock's `now` to make temp URLs age with it. */
  now?: () => number
  /** Fixed signing key, so URLs survive a restart; random when absent. */
  signKey?: string
}

/** Seconds a temp URL lives when the caller gives no max age (CloudBase's default is two hours). */
const DEFAULT_MAX_AGE = 7200
const UPLOAD_TOKEN_AGE = 900
/** Long-lived URLs for the dev server, which shows stored images the way `<image src="cloud://…">` does. */
const PUBLIC_URL_AGE = 10 * 365 * 24 * 3600

let requestSeq = 0
const requestId = () => `local-storage-${Date.now().toString(36)}-${(++requestSeq).toString(36)}`

/** URL-encodes a cloud path segment by segment, keeping its slashes. */
const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/')

/**
 * Cloud storage on local disk, answering the SDK's storage actions and serving the upload and
 * temp-download URLs those actions hand out.
 */
export class LocalStorage {
  private readonly signer: UrlSigner
  private readonly root: string
  /** fileID → per-file code the next temp-URL request answers for it (a storage failure, for tests). */
  private readonly nextFailures = new Map<string, string>()

  constructor(private readonly opts: LocalStorageOptions) {
    this.root = path.resolve(opts.dir)
    this.signer = new UrlSigner(opts.now ?? Date.now, opts.signKey)
  }

  register(router: ActionRouter): void {
    router.on('storage.getUploadMetadata', (params) => this.uploadMetadata(params))
    router.on('storage.batchGetDownloadUrl', (params) => this.downloadUrls(params))
    router.on('storage.batchDeleteFile', (params) => this.deleteFiles(params))
  }

  routes(): ExtraRoute[] {
    return storageRoutes({ signer: this.signer, diskPath: (p) => diskPathOf(this.root, p), write: (p, b) => this.write(p, b) })
  }

  /** Stores bytes directly (seed data, fixtures) and returns the fileID. */
  async put(cloudPath: string, bytes: Buffer): Promise<string> {
    const problem = cloudPathProblem(cloudPath)
    if (problem) throw new CloudError('INVALID_PARAM', problem)
    await this.write(cloudPath, bytes)
    return fileIdOf(this.opts.envId, cloudPath)
  }

  async get(fileID: string): Promise<Buffer | undefined> {
    const file = this.diskPathOfFileId(fileID)
    return file ? fs.promises.readFile(file).catch(() => undefined) : undefined
  }

  /** The bytes a temp download URL of this store serves now (signature not checked), or undefined. */
  async bytesAtUrl(url: string): Promise<Buffer | undefined> {
    let pathname: string
    try {
      pathname = new URL(url).pathname
    } catch {
      return undefined
    }
    if (!pathname.startsWith(DOWNLOAD_PREFIX)) return undefined
    let cloudPath: string
    try {
      cloudPath = pathname.slice(DOWNLOAD_PREFIX.length).split('/').map(decodeURIComponent).join('/')
    } catch {
      return undefined
    }
    const file = diskPathOf(this.root, cloudPath)
    return file ? fs.promises.readFile(file).catch(() => undefined) : undefined
  }

  exists(fileID: string): boolean {
    const file = this.diskPathOfFileId(fileID)
    return Boolean(file && fs.statSync(file, { throwIfNoEntry: false })?.isFile())
  }

  /**
   * Makes the next getTempFileURL answer `code` for this file (per file, as CloudBase reports a storage failure in
   * its fileList), e.g. STORAGE_REQUEST_FAIL (status -503001): callers must not read it as a missing file.
   */
  failNextTempUrl(fileID: string, code = 'STORAGE_REQUEST_FAIL'): void {
    this.nextFailures.set(fileID, code)
  }

  get envId(): string {
    return this.opts.envId
  }

  /** The cloud path of a fileID of this store's environment, or undefined. */
  cloudPathOf(fileID: string): string | undefined {
    return cloudPathOf(this.opts.envId, fileID)
  }

  /** A long-lived signed URL for a stored file, or undefined when the fileID is not one of ours. */
  publicUrlOf(fileID: string): string | undefined {
    const cloudPath = cloudPathOf(this.opts.envId, fileID)
    return cloudPath === undefined ? undefined : this.downloadUrl(cloudPath, PUBLIC_URL_AGE)
  }

  private diskPathOfFileId(fileID: string): string | undefined {
    const cloudPath = cloudPathOf(this.opts.envId, fileID)
    return cloudPath === undefined ? undefined : diskPathOf(this.root, cloudPath)
  }

  private async write(cloudPath: string, bytes: Buffer): Promise<void> {
    const file = diskPathOf(this.root, cloudPath)
    if (!file) throw new CloudError('INVALID_PARAM', 'invalid cloudPath')
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.uploading-${randomBytes(4).toString('hex')}`
    await fs.promises.writeFile(partial, bytes)
    await fs.promises.rename(partial, file)
  }

  /**
   * The raw (not percent-encoded) URL, as CloudBase hands it out: the node SDK runs `encodeURI`
   * over temp URLs before fetching them, so an encoded one would be encoded twice.
   */
  private downloadUrl(cloudPath: string, maxAgeSec: number): string {
    const { sign, t } = this.signer.sign('get', cloudPath, maxAgeSec)
    return `${this.opts.publicUrl()}${DOWNLOAD_PREFIX}${cloudPath}?sign=${sign}&t=${t}`
  }

  private uploadMetadata(params: ActionParams) {
    const cloudPath = params.path
    const problem = cloudPathProblem(cloudPath)
    if (problem || typeof cloudPath !== 'string') throw new CloudError('INVALID_PARAM', problem ?? 'invalid cloudPath')
    const { sign, t } = this.signer.sign('put', cloudPath, UPLOAD_TOKEN_AGE)
    const fileId = fileIdOf(this.opts.envId, cloudPath)
    return {
      requestId: requestId(),
      data: {
        url: `${this.opts.publicUrl()}${UPLOAD_PREFIX}${encodePath(cloudPath)}?sign=${sign}&t=${t}`,
        token: sign,
        authorization: `q-sign-algorithm=sha1&q-key-time=${t}&q-signature=${sign}`,
        fileId,
        cosFileId: `local-${randomBytes(8).toString('hex')}`,
        download_url: this.downloadUrl(cloudPath, DEFAULT_MAX_AGE),
      },
    }
  }

  private downloadUrls(params: ActionParams) {
    const list = params.file_list
    if (!Array.isArray(list) || list.length === 0) throw new CloudError('INVALID_PARAM', 'file_list must be a non-empty array')
    const download_list = list.map((item: unknown) => {
      const entry = (item && typeof item === 'object' ? item : {}) as { fileid?: unknown; max_age?: unknown }
      const fileID = typeof entry.fileid === 'string' ? entry.fileid : String(entry.fileid)
      const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : DEFAULT_MAX_AGE
      const failure = this.nextFailures.get(fileID)
      if (failure) {
        this.nextFailures.delete(fileID)
        return { fileID, tempFileURL: '', code: failure, message: 'storage request failed (injected)' }
      }
      const cloudPath = cloudPathOf(this.opts.envId, entry.fileid)
      const foreign = isForeignFileId(this.opts.envId, entry.fileid)
      if (cloudPath === undefined && !foreign) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'invalid fileID' }
      // another env's (another bucket's) file is not in this bucket: missing, as CloudBase answers it
      if (cloudPath === undefined || !this.exists(fileID))
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      return { fileID, tempFileURL: this.downloadUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge }
    })
    return { requestId: requestId(), data: { download_list } }
  }

  private async deleteFiles(params: ActionParams) {
    const list = params.fileid_list
    if (!Array.isArray(list) || list.length === 0) throw new CloudError('INVALID_PARAM', 'fileid_list must be a non-empty array')
    const delete_list = []
    for (const fileID of list) {
      const file = this.diskPathOfFileId(String(fileID))
      if (!file && !isForeignFileId(this.opts.envId, fileID)) {
        delete_list.push({ fileID, code: 'INVALID_PARAM', message: 'invalid fileID' })
        continue
      }
      // another env's file cannot be deleted from here: it is missing in this bucket
      const removed = file
        ? await fs.promises.unlink(file).then(
            () => true,
            () => false,
          )
        : false
      delete_list.push(
        removed ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' },
      )
    }
    return { requestId: requestId(), data: { delete_list } }
  }
}

/** The emulator's public URL for a fileID (for the dev server), or undefined when it is not a local file. */
export function fileIdToPublicUrl(storage: LocalStorage, fileID: string): string | undefined {
  return storage.publicUrlOf(fileID)
}
