export interface RecordedClip {
  /** Temp path (weapp) or object URL (H5) of the audio. */
  path: string
  durationSec: number
  /** File extension for the upload name (mp3 from the recorder). */
  ext: string
}

export interface VoiceRecorderProps {
  /** Prefix of the element ids: `${id}-record` (weapp), `${id}-file` and `${id}-unsupported` (H5). */
  id: string
  /** What is recorded, in the button and the messages: 语音, 语音点评. */
  subject: string
  maxSec: number
  disabled?: boolean
  onRecorded: (clip: RecordedClip) => void
}
