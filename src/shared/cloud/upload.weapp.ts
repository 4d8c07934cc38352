import Taro from '@tarojs/taro'

/** Uploads a local temp file (from chooseMedia / the recorder) to cloud storage; resolves the fileID. */
export async function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return res.fileID
}

/** In the weapp, <Image> and <Audio> load cloud:// fileIDs directly. */
export const fileSrc = (fileID: string): string => fileID
