import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { missingDeployIds, parseEnvFile, readCredentials } from '../../../scripts/deploy/credentials'

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-creds-'))
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const ALL = [
  'TARO_APP_ID=wx1234567890abcdef',
  'TARO_APP_CLOUD_ENV=camp-prod-8g2k',
  'TENCENTCLOUD_SECRET_ID=AKIDexample',
  'TENCENTCLOUD_SECRET_KEY="secret value"',
  'MINIPROGRAM_UPLOAD_KEY_PATH=keys/private.key',
]

describe('deploy credentials', () => {
  it('should read .env.local lines, skipping comments and unquoting values', () => {
    expect(parseEnvFile('# note\nA=1\n  B = "two words" \nnot a line')).toEqual({ A: '1', B: 'two words' })
  })

  it('should name every missing credential, counting the .env.example placeholders as missing', () => {
    fs.writeFileSync(path.join(root, '.env.local'), 'TARO_APP_ID=wx0000000000000000\nTARO_APP_CLOUD_ENV=camp-prod-8g2k\n')
    expect(readCredentials(root, {})).toEqual({
      missing: ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TARO_APP_ID', 'MINIPROGRAM_UPLOAD_KEY_PATH'],
    })
  })

  it('should return the credentials when all are set, the key path resolved from the repository root', () => {
    fs.writeFileSync(path.join(root, '.env.local'), ALL.join('\n'))
    expect(readCredentials(root, {})).toMatchObject({
      envId: 'camp-prod-8g2k',
      secretKey: 'secret value',
      uploadKeyPath: path.join(root, 'keys', 'private.key'),
    })
  })

  it('should refuse to deploy bundles with placeholder subscribe template ids', () => {
    fs.writeFileSync(path.join(root, '.env.local'), ALL.join('\n'))
    expect(missingDeployIds(root, {})).toEqual([
      'TARO_APP_TPL_CHECKIN_REMINDER',
      'TARO_APP_TPL_REVIEW_ARRIVED',
      'TARO_APP_TPL_CLASS_REMINDER',
    ])
    const tpl = { TARO_APP_TPL_CHECKIN_REMINDER: 'a', TARO_APP_TPL_REVIEW_ARRIVED: 'b', TARO_APP_TPL_CLASS_REMINDER: 'c' }
    expect(missingDeployIds(root, tpl)).toEqual([])
  })
})
