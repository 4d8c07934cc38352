/**
 * `wx.cloud` backed by the emulator, as the client SDK behaves: callFunction runs the function bundle with the
 * device's persona as getWXContext().OPENID (what the emulator's `/__local/functions` route does for H5); uploads and
 * downloads go through the emulator's storage and its storage rules (local/dev/file-access.ts); CloudID values
 * travel as `{ cloudID }` and the emulator resolves them for the caller. Promise or callback style (api-style.ts).
 */
import { DEV_APPID } from '../../../local/dev/personas'
import { readAccess, uploadAccess } from '../../../local/dev/file-access'
import { cloudPathProblem } from '../../../emulator/storage/cloud-path'
import { fileIdOf } from '../../../emulator/storage'
import { invalidRequest } from '../request-schemas'
import { wxAsync, wxFail } from './api-style'
import type { WeChatDevice } from './device'

/** What `wx.cloud.CloudID(id)` returns: a marker the client serialises as `{ cloudID }` in callFunction data. */
class CloudIdValue {
  constructor(readonly cloudID: string) {}
}

const extensionOf = (path: string) => /\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? 'bin'

export function fakeCloud(device: WeChatDevice) {
  const { emu } = device
  let initialised = false

  const callFunction = wxAsync('cloud.callFunction', async ({ name, data }: { name: string; data?: Record<string, unknown> }) => {
    if (!initialised) throw wxFail('cloud.callFunction', '-1 wx.cloud.init has not been called')
    // The client sends JSON: CloudID markers become `{ cloudID }`, undefined fields disappear.
    const event = JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>
    if (process.env.WEAPP_DEBUG) console.log('callFunction', name, JSON.stringify(event))
    // The function's own schema first: a request it would refuse fails the test (phone.ts), even when the page
    // swallows the failure as a network error.
    const invalid = invalidRequest(name, event)
    if (invalid) {
      device.invalidRequests.push(new Error(`invalid request ${name}.${String(event.action)} ${JSON.stringify(event)}: ${invalid}`))
      throw wxFail('cloud.callFunction', `-1 invalid request: ${invalid}`)
    }
    device.inFlight++
    const out = await emu.runtime
      .invoke(name, event, { openid: device.persona.openid, appid: DEV_APPID, source: 'wx_client' })
      .finally(() => device.inFlight--)
    const code = (out.result as { code?: unknown } | undefined)?.code
    device.calls.push({ name, action: event.action, code: out.error ? out.error.errCode : code })
    if (out.error) throw wxFail('cloud.callFunction', `${out.error.errCode} ${out.error.errMsg}`, { errCode: out.error.errCode })
    return { result: out.result, requestID: `req-${device.calls.length}` }
  })

  const uploadFile = wxAsync('cloud.uploadFile', async ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
    const bytes = device.files.get(filePath)
    if (!bytes) throw wxFail('cloud.uploadFile', `file not found: ${filePath}`)
    const problem = cloudPathProblem(cloudPath)
    if (problem) throw wxFail('cloud.uploadFile', `-503003 ${problem}`)
    const fileID = fileIdOf(emu.storage.envId, cloudPath)
    const access = await uploadAccess({ db: emu.db }, device.persona.openid, cloudPath, emu.storage.exists(fileID))
    if (!access.ok) throw wxFail('cloud.uploadFile', `-503002 ${access.message}`)
    const stored = await emu.storage.put(cloudPath, bytes)
    device.uploads.push({ cloudPath, fileID: stored })
    return { fileID: stored, statusCode: 200 }
  })

  const readable = async (api: string, fileID: string) => {
    const cloudPath = emu.storage.cloudPathOf(fileID)
    if (cloudPath === undefined || !emu.storage.exists(fileID)) throw wxFail(api, `-503003 STORAGE_FILE_NONEXIST ${fileID}`)
    const access = await readAccess({ db: emu.db }, device.persona.openid, fileID, cloudPath)
    if (!access.ok) throw wxFail(api, `-503002 ${access.message}`)
    return cloudPath
  }

  const downloadFile = wxAsync('cloud.downloadFile', async ({ fileID }: { fileID: string }) => {
    const cloudPath = await readable('cloud.downloadFile', fileID)
    const bytes = (await emu.storage.get(fileID)) as Buffer
    return { tempFilePath: device.files.put(bytes, extensionOf(cloudPath)), statusCode: 200 }
  })

  const getTempFileURL = wxAsync('cloud.getTempFileURL', async ({ fileList }: { fileList: (string | { fileID: string })[] }) => ({
    fileList: await Promise.all(
      fileList.map(async (item) => {
        const fileID = typeof item === 'string' ? item : item.fileID
        try {
          await readable('cloud.getTempFileURL', fileID)
          return { fileID, tempFileURL: emu.storage.publicUrlOf(fileID), maxAge: 7200, status: 0, errMsg: 'ok' }
        } catch (err) {
          return { fileID, tempFileURL: '', status: -1, errMsg: String((err as { errMsg?: string }).errMsg) }
        }
      }),
    ),
  }))

  return {
    init: () => {
      initialised = true
    },
    callFunction,
    uploadFile,
    downloadFile,
    getTempFileURL,
    CloudID: (cloudID: string) => new CloudIdValue(cloudID),
  }
}
