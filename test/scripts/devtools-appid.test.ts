import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { PRIVATE_PROJECT_CONFIG, writeDevtoolsAppId } from '../../config/devtools-appid'

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'appid-'))
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))
const read = () => JSON.parse(fs.readFileSync(path.join(root, PRIVATE_PROJECT_CONFIG), 'utf8')) as Record<string, unknown>

describe('AppID for WeChat DevTools', () => {
  it('should write the AppID from .env.local into the private project config DevTools prefers', () => {
    expect(writeDevtoolsAppId(root, 'wx1234567890abcdef')).toBe(true)
    expect(read()).toEqual({ appid: 'wx1234567890abcdef' })
  })

  it('should keep the developer’s other private settings', () => {
    fs.writeFileSync(path.join(root, PRIVATE_PROJECT_CONFIG), JSON.stringify({ setting: { urlCheck: false }, appid: 'wxold' }))
    writeDevtoolsAppId(root, 'wx1234567890abcdef')
    expect(read()).toEqual({ setting: { urlCheck: false }, appid: 'wx1234567890abcdef' })
  })

  it('should write nothing for a missing or placeholder AppID', () => {
    expect(writeDevtoolsAppId(root, undefined)).toBe(false)
    expect(writeDevtoolsAppId(root, 'wx0000000000000000')).toBe(false)
    expect(fs.existsSync(path.join(root, PRIVATE_PROJECT_CONFIG))).toBe(false)
  })

  it('should keep the committed project.config.json free of a real AppID', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'project.config.json'), 'utf8')) as { appid: string }
    expect(committed.appid).toBe('touristappid')
  })
})
