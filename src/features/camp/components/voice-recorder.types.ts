export interface RecordedClip {
  /** Local temp path (weapp) or object URL (H5) of the audio. */
  path: string
  durationSec: number
}

export interface VoiceRecorderProps {
  maxSec: number
  onRecorded: (clip: RecordedClip) => void
}
