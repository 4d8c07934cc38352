import type { FileKind } from '@cloud/domain/materials'

/** A file the admin picked on the device, before upload: a local path (blob URL in H5) plus what the form shows. */
export interface PickedFile {
  path: string
  name: string
  size: number
}

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
  aac: 'audio',
}

/** The kind the catalog shows and `open` uses to pick a viewer; anything unknown is a document. */
export function kindOf(name: string): FileKind {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase()
  return KIND_BY_EXTENSION[ext] ?? 'doc'
}

/** Where an upload goes: a fresh folder per upload, the name kept readable minus characters cloud paths refuse. */
export function uploadPath(name: string, now: number, random: string): string {
  const safe = name.replace(/[\\/#?%"<>`^{}[\]\s]+/g, '_').slice(-80) || 'file'
  return `materials/${now.toString(36)}-${random}/${safe}`
}
