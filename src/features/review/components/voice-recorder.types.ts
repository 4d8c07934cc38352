export interface RecordedClip {
  /** Temp path (weapp) or object URL (H5) of the audio. */
  path: string
  durationSec: number
  /** File extension for the upload name (mp3 from the recorder). */
  ext: string
}

export interface VoiceRecorderProps {
  maxSec: number
  disabled?: boolean
  onRecorded: (clip: RecordedClip) => void
}
