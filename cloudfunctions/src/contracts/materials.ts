import { z } from 'zod'
import { GRADE_LABEL, GRADES, SUBJECT_LABEL, SUBJECTS, type Grade, type Subject } from '../domain/identity'
import {
  FILE_KIND_LABELS,
  FILE_KINDS,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_INVITES_TO_UNLOCK,
  ruleTag,
  ruleText,
  type AccessVia,
  type DownloadCounts,
  type FileKind,
  type MaterialDoc,
  type UnlockRule,
} from '../domain/materials'
import { FileIdSchema } from './identity'
import { KeyPartSchema, PageLimitSchema } from './points'
import { RequestIdSchema } from './points'

/** Inputs of the `materials` function (parsed at the handler) and the views its pages render. */

const Text = (min: number, max: number) => z.string().trim().min(min).max(max)

export const MaterialFileSchema = z
  .object({
    fileId: FileIdSchema,
    name: Text(1, 100),
    size: z.number().int().min(0).max(MAX_FILE_BYTES),
    kind: z.enum(FILE_KINDS),
  })
  .strict()

export const UnlockRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }).strict(),
  z.object({ kind: z.literal('signup'), classId: KeyPartSchema.nullable().default(null) }).strict(),
  z.object({ kind: z.literal('points'), cost: z.number().int().min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('invites'), count: z.number().int().min(1).max(MAX_INVITES_TO_UNLOCK) }).strict(),
])

const Fields = {
  title: Text(1, 40),
  description: Text(0, 1000),
  subject: z.enum(SUBJECTS),
  grades: z
    .array(z.enum(GRADES))
    .min(1)
    .max(GRADES.length)
    .refine((g) => new Set(g).size === g.length, '年级不能重复'),
  cover: FileIdSchema.nullable(),
  files: z.array(MaterialFileSchema).min(1).max(MAX_FILES),
  rule: UnlockRuleSchema,
  onShelf: z.boolean(),
}

/** Admin: create a material. */
export const MaterialCreateSchema = z
  .object({
    ...Fields,
    description: Fields.description.default(''),
    cover: Fields.cover.default(null),
    onShelf: Fields.onShelf.default(false),
  })
  .strict()
export type MaterialCreateInput = z.infer<typeof MaterialCreateSchema>

/** Admin: edit a material; only the fields sent change. */
export const MaterialPatchSchema = z
  .object(Fields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容')
export type MaterialPatchInput = z.infer<typeof MaterialPatchSchema>

const action = <A extends string>(name: A) => z.literal(name)
const id = KeyPartSchema
const Cursor = z.string().regex(/^\d{1,15}$/)

export const MaterialsRequest = z.discriminatedUnion('action', [
  z
    .object({
      action: action('list'),
      subject: z.enum(SUBJECTS).optional(),
      grade: z.enum(GRADES).optional(),
      cursor: Cursor.optional(),
      limit: PageLimitSchema,
    })
    .strict(),
  z.object({ action: action('detail'), materialId: id }).strict(),
  z.object({ action: action('unlock'), materialId: id }).strict(),
  z
    .object({
      action: action('open'),
      materialId: id,
      fileIndex: z
        .number()
        .int()
        .min(0)
        .max(MAX_FILES - 1),
    })
    .strict(),
  // admin
  z.object({ action: action('adminList'), cursor: Cursor.optional(), limit: PageLimitSchema }).strict(),
  z.object({ action: action('adminGet'), materialId: id }).strict(),
  z.object({ action: action('create'), material: MaterialCreateSchema, requestId: RequestIdSchema }).strict(),
  z.object({ action: action('update'), materialId: id, patch: MaterialPatchSchema }).strict(),
  z.object({ action: action('setShelf'), materialId: id, onShelf: z.boolean() }).strict(),
])
export type MaterialsRequest = z.infer<typeof MaterialsRequest>

/** A file as members see it: no fileID (opening goes through `open`, which checks the unlock). */
export interface MaterialFileView {
  index: number
  name: string
  size: number
  kind: FileKind
  kindLabel: string
}

export interface MaterialCard {
  id: string
  title: string
  subject: Subject
  subjectLabel: string
  grades: Grade[]
  gradeLabels: string[]
  cover: string | null
  fileCount: number
  rule: UnlockRule
  /** Short tag: 免费 / 报名解锁 / 80 积分. */
  ruleTag: string
  onShelf: boolean
}

export interface MaterialDetail extends MaterialCard {
  description: string
  files: MaterialFileView[]
  /** The rule explained in Chinese. */
  ruleText: string
  unlocked: boolean
  /** How the viewer holds it; null while locked. */
  via: AccessVia | null
  /** For an `invites` rule: friends of the viewer who qualified so far, and how many it takes. */
  invites: { have: number; needed: number } | null
}

/** The admin list and form: counts and the stored fileIDs. */
export interface AdminMaterialView extends MaterialCard {
  description: string
  files: { fileId: string; name: string; size: number; kind: FileKind }[]
  downloads: number
  members: number
  createdAt: number
  updatedAt: number
}

export interface MaterialPage<T> {
  items: T[]
  /** Pass back as `cursor` for the next page; null at the end. */
  cursor: string | null
}

/** What `open` answers: a short-lived URL for one file. */
export interface OpenedFile {
  name: string
  kind: FileKind
  size: number
  url: string
  /** Seconds the URL stays valid. */
  expiresIn: number
}

export function toMaterialCard(m: MaterialDoc): MaterialCard {
  return {
    id: m._id,
    title: m.title,
    subject: m.subject,
    subjectLabel: SUBJECT_LABEL[m.subject],
    grades: m.grades,
    gradeLabels: m.grades.map((g) => GRADE_LABEL[g]),
    cover: m.cover,
    fileCount: m.files.length,
    rule: m.rule,
    ruleTag: ruleTag(m.rule),
    onShelf: m.onShelf,
  }
}

export function toMaterialDetail(m: MaterialDoc, via: AccessVia | null, qualifiedInvites = 0): MaterialDetail {
  return {
    ...toMaterialCard(m),
    description: m.description,
    files: m.files.map((f, index) => ({ index, name: f.name, size: f.size, kind: f.kind, kindLabel: FILE_KIND_LABELS[f.kind] })),
    ruleText: ruleText(m.rule),
    unlocked: via !== null,
    via,
    invites: m.rule.kind === 'invites' ? { have: Math.min(qualifiedInvites, m.rule.count), needed: m.rule.count } : null,
  }
}

export function toAdminMaterialView(m: MaterialDoc, counts: DownloadCounts): AdminMaterialView {
  return {
    ...toMaterialCard(m),
    description: m.description,
    files: m.files.map((f) => ({ fileId: f.fileId, name: f.name, size: f.size, kind: f.kind })),
    downloads: counts.downloads,
    members: counts.members,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  }
}
