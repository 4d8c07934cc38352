/** `2.10.4` vs `2.11.0` → negative, zero or positive, part by part. */
export function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0)
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * InnerAudioContext.playbackRate exists from base library 2.11.0 and works on Android 6+ only (WeChat's docs).
 * `system` is what getDeviceInfo answers, e.g. 'Android 10' or 'iOS 15.1'.
 */
export function weappPlaybackRateWorks(sdkVersion: string, platform: string, system: string): boolean {
  if (compareVersion(sdkVersion, '2.11.0') < 0) return false
  if (platform !== 'android') return true
  const major = /android\s*(\d+)/i.exec(system)
  return !!major && Number(major[1]) >= 6
}
