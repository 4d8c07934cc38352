import { compareVersion, weappPlaybackRateWorks } from '@/shared/ui/voice/playback-rate-rule'

describe('weapp playback speed support', () => {
  it('should compare base library versions part by part', () => {
    expect(compareVersion('2.10.4', '2.11.0')).toBeLessThan(0)
    expect(compareVersion('2.11', '2.11.0')).toBe(0)
    expect(compareVersion('3.0.0', '2.11.0')).toBeGreaterThan(0)
  })

  it('should offer speeds from base library 2.11.0 on iOS', () => {
    expect(weappPlaybackRateWorks('2.11.0', 'ios', 'iOS 15.1')).toBe(true)
  })

  it('should not offer speeds on an older base library', () => {
    expect(weappPlaybackRateWorks('2.10.4', 'ios', 'iOS 15.1')).toBe(false)
  })

  it('should not offer speeds below Android 6', () => {
    expect(weappPlaybackRateWorks('3.0.0', 'android', 'Android 5.1')).toBe(false)
    expect(weappPlaybackRateWorks('3.0.0', 'android', 'Android 10')).toBe(true)
  })
})
