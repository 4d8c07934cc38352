import Taro from '@tarojs/taro'

/** Uploads a local temp file (from chooseMedia / the recorder) to cloud storage; resolves the fileID. */
export async function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return res.fileID
}

/** In the weapp, <Image> and <Audio> load cloud:// fileIDs directly. */
export const fileSrc = (fileID: string): string => fileID

/**
 * A cloud file to a local temp path by its fileID (`wx.cloud.downloadFile`): no downloadFile domain whitelist is
 * needed, unlike `wx.downloadFile` on a temp URL; storage rules decide who may read it.
 */
export async function downloadCloudFile(fileID: string): Promise<string> {
  const res = await Taro.cloud.downloadFile({ fileID })
  if (res.statusCode !== undefined && res.statusCode !== 200) throw new Error(`download failed: HTTP ${res.statusCode}`)
  return res.tempFilePath
}
