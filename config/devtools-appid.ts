/**
 * DevTools imports the repository root, whose committed project.config.json keeps `touristappid` so no real AppID is
 * ever committed. WeChat DevTools reads project.private.config.json beside it and its fields win over
 * project.config.json (DevTools docs, 项目配置文件: "project.private.config.json 中的相同设置优先级高于 project.config.json",
 * appid included). Each weapp build writes the AppID from .env.local there; the file is git-ignored.
 */
import * as fs from 'fs'
import * as path from 'path'

export const PRIVATE_PROJECT_CONFIG = 'project.private.config.json'
const NOT_AN_APPID = new Set(['', 'touristappid', 'wx0000000000000000'])

/** Merges `appid` into the root private config (other personal DevTools settings stay); returns whether it wrote. */
export function writeDevtoolsAppId(root: string, appId: string | undefined): boolean {
  const id = appId?.trim() ?? ''
  if (NOT_AN_APPID.has(id)) return false
  const file = path.join(root, PRIVATE_PROJECT_CONFIG)
  let config: Record<string, unknown> = {}
  if (fs.existsSync(file)) {
    try {
      config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    } catch {
      config = {}
    }
  }
  if (config.appid === id) return false
  fs.writeFileSync(file, `${JSON.stringify({ ...config, appid: id }, null, 2)}\n`)
  return true
}
