import { assertReleaseIds, missingReleaseVariables } from '../../config/release-guard'

const real = {
  TARO_APP_ID: 'wx1234567890abcdef',
  TARO_APP_CLOUD_ENV: 'camp-prod-8g2k',
  TARO_APP_TPL_CHECKIN_REMINDER: 'Xk2-checkin',
  TARO_APP_TPL_REVIEW_ARRIVED: 'Xk2-review',
  TARO_APP_TPL_CLASS_REMINDER: 'Xk2-class',
}
const release = { TARO_ENV: 'weapp', NODE_ENV: 'production' }

describe('release build guard', () => {
  it('should refuse a production weapp build without real ids, naming every missing variable', () => {
    expect(() => assertReleaseIds({ ...release, TARO_APP_ID: 'touristappid', TARO_APP_CLOUD_ENV: 'camp-prod-8g2k' })).toThrow(
      '生产构建缺少真实的配置：TARO_APP_ID, TARO_APP_TPL_CHECKIN_REMINDER, TARO_APP_TPL_REVIEW_ARRIVED, TARO_APP_TPL_CLASS_REMINDER',
    )
  })

  it('should treat the values .env.example ships with as missing', () => {
    expect(missingReleaseVariables({ ...real, TARO_APP_ID: 'wx0000000000000000', TARO_APP_CLOUD_ENV: 'your-cloud-env-id' })).toEqual([
      'TARO_APP_ID',
      'TARO_APP_CLOUD_ENV',
    ])
  })

  it('should let a release build with real ids through', () => {
    expect(() => assertReleaseIds({ ...release, ...real })).not.toThrow()
  })

  it('should keep placeholders for the explicit test build, development builds and H5', () => {
    expect(() => assertReleaseIds({ ...release, CAMP_BUILD: 'test' })).not.toThrow()
    expect(() => assertReleaseIds({ TARO_ENV: 'weapp', NODE_ENV: 'development' })).not.toThrow()
    expect(() => assertReleaseIds({ TARO_ENV: 'h5', NODE_ENV: 'production' })).not.toThrow()
  })
})
