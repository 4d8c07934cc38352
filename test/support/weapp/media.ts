/**
 * The phone's media: the recorder manager (one per app, as `wx.getRecorderManager()` is a singleton) yields a real MP3
 * temp file; chooseMedia picks real PNGs; chooseMessageFile picks files "from a chat"; the inner audio context records
 * what it was asked to play.
 */
import { wxAsync, wxFail } from './api-style'
import type { WeChatDevice } from './device'
import { silentMp3, solidPng, tinyPdf } from './temp-files'

type Handler = (res: Record<string, unknown>) => void

export class FakeRecorder {
  private stopHandler: Handler | null = null
  private errorHandler: Handler | null = null
  private startHandler: Handler | null = null
  private options: { duration?: number; format?: string } | null = null
  readonly starts: object[] = []

  constructor(private readonly device: WeChatDevice) {}

  get recording(): boolean {
    return this.options !== null
  }

  // RecorderManager has no off* methods: each on… sets the one listener of the singleton.
  onStop(cb: Handler): void {
    this.stopHandler = cb
  }
  onError(cb: Handler): void {
    this.errorHandler = cb
  }
  onStart(cb: Handler): void {
    this.startHandler = cb
  }

  start(options: { duration?: number; format?: string } = {}): void {
    if (this.options) return this.emit(this.errorHandler, { errMsg: 'operateRecorder:fail recorder is recording' })
    this.options = options
    this.starts.push(options)
    this.emit(this.startHandler, {})
  }

  /** The member taps stop after `device.recordingMs` (or the recorder reached its `duration` and stopped itself). */
  stop(): void {
    const options = this.options
    // The base library reports a stop without a recording as an error event (operateRecorder:fail:recorder not start).
    if (!options) return this.emit(this.errorHandler, { errMsg: 'operateRecorder:fail:recorder not start' })
    this.options = null
    const duration = Math.min(this.device.recordingMs, options.duration ?? 60_000)
    const bytes = silentMp3(duration)
    const tempFilePath = this.device.files.put(bytes, options.format === 'aac' ? 'aac' : 'mp3')
    this.emit(this.stopHandler, { tempFilePath, duration, fileSize: bytes.length })
  }

  pause(): void {}
  resume(): void {}

  private emit(handler: Handler | null, res: Record<string, unknown>): void {
    setTimeout(() => handler?.(res), 0)
  }
}

export function mediaApis(device: WeChatDevice) {
  let recorder: FakeRecorder | null = null
  return {
    getRecorderManager: () => (recorder ??= new FakeRecorder(device)),
    chooseMedia: wxAsync('chooseMedia', async ({ count = 9, mediaType = ['image', 'video'] }: { count?: number; mediaType?: string[] }) => {
      if (!mediaType.includes('image')) throw wxFail('chooseMedia', 'cancel')
      const tempFiles = Array.from({ length: Math.min(count, 1) }, (_, i) => {
        const bytes = solidPng(48, 48, [200, 120 + i * 10, 40])
        return { tempFilePath: device.files.put(bytes, 'png'), size: bytes.length, fileType: 'image', width: 48, height: 48 }
      })
      return { tempFiles, type: 'image' }
    }),
    chooseMessageFile: wxAsync('chooseMessageFile', async ({ count = 1 }: { count?: number }) => {
      const bytes = tinyPdf('Lesson handout')
      const tempFiles = Array.from({ length: Math.min(count, 1) }, () => ({
        path: device.files.put(bytes, 'pdf'),
        name: '第一课讲义.pdf',
        size: bytes.length,
        type: 'file',
        time: Math.floor(Date.now() / 1000),
      }))
      return { tempFiles }
    }),
    createInnerAudioContext: () => {
      const entry = { src: '', played: false }
      device.audio.push(entry)
      const noop = () => undefined
      return {
        set src(v: string) {
          entry.src = v
        },
        get src() {
          return entry.src
        },
        playbackRate: 1,
        play: () => {
          entry.played = true
        },
        pause: noop,
        stop: noop,
        destroy: noop,
        seek: noop,
        onPlay: noop,
        onEnded: noop,
        onError: noop,
        onTimeUpdate: noop,
        onCanplay: noop,
        onPause: noop,
        onStop: noop,
        offTimeUpdate: noop,
        offEnded: noop,
      }
    },
  }
}
