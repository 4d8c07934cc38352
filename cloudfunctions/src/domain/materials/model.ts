import type { Grade, Subject } from '../identity/member'

/**
 * Study materials (资料): a catalog entry with one or more files already in cloud storage and the rule that
 * unlocks them. Documents of `materials`, `material_unlocks`, `material_downloads` and `material_counters`.
 */
export const FILE_KINDS = ['pdf', 'image', 'doc', 'audio'] as const
export type FileKind = (typeof FILE_KINDS)[number]

export const FILE_KIND_LABELS: Readonly<Record<FileKind, string>> = { pdf: 'PDF', image: '图片', doc: '文档', audio: '音频' }

export const MAX_FILES = 9
/** 200 MB: larger files do not belong in a phone download. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024

export interface MaterialFile {
  /** cloud:// fileID in this environment's storage. */
  fileId: string
  name: string
  /** Bytes. */
  size: number
  kind: FileKind
}

export const UNLOCK_KINDS = ['free', 'signup', 'points', 'invites'] as const
export type UnlockKind = (typeof UNLOCK_KINDS)[number]

/** The most friends an `invites` rule may ask for. */
export const MAX_INVITES_TO_UNLOCK = 50

/**
 * free: anyone may open it. signup: the member holds a confirmed or attended free-class signup — for `classId`,
 * or for any class when it is null. points: the member spends `cost` points once. invites: `count` friends the
 * member invited have qualified (their first check-in or free-class signup, as the invite reward counts them).
 * A points-mall unlock item targeting the material unlocks it whatever the rule.
 */
export type UnlockRule =
  { kind: 'free' } | { kind: 'signup'; classId: string | null } | { kind: 'points'; cost: number } | { kind: 'invites'; count: number }

export interface MaterialDoc {
  _id: string
  title: string
  description: string
  subject: Subject
  /** Grade tags; the catalog filters by any one of them. */
  grades: Grade[]
  /** cloud:// fileID of a cover image, or null. */
  cover: string | null
  files: MaterialFile[]
  rule: UnlockRule
  onShelf: boolean
  createdAt: number
  updatedAt: number
}

/** How a member came to hold a material. */
export type AccessVia = 'free' | 'points' | 'signup' | 'invites' | 'mall' | 'staff'

/** `_id` = `{materialId}:{memberId}` (see unlockRecordId): written once, by the unlock that spent or qualified. */
export interface UnlockDoc {
  _id: string
  materialId: string
  memberId: string
  via: 'points' | 'signup' | 'invites'
  /** Points spent (0 for signup and invites). */
  cost: number
  /** The ledger entry's `_id` for a points unlock. */
  entryId?: string
  unlockedAt: number
}

export const unlockRecordId = (materialId: string, memberId: string) => `${materialId}:${memberId}`
