/** H5: the browser's audio element takes any rate Taro passes on. */
export function playbackRateSupported(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'playbackRate' in HTMLMediaElement.prototype
}
