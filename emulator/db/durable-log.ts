import * as fs from 'fs'
import * as path from 'path'
import type { IndexSpec } from './collection-spec'
import { decodeValue, encodeRelaxed, type Doc } from './ejson-codec'

export type Mutation =
  | { kind: 'put'; collection: string; doc: Doc }
  | { kind: 'delete'; collection: string; key: string }
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }

/** Where a reload sends what it reads, in commit order. */
export interface ReplayTarget {
  apply(mutation: Mutation): void
}

export interface SnapshotCollection {
  name: string
  indexes: IndexSpec[]
  docs: Iterable<Doc>
}

const SNAPSHOT = 'snapshot.jsonl'
const LOG = 'commits.jsonl'
const noDecode = () => {
  throw new Error('stored data holds an unresolved $tcb_server_date')
}

function encodeMutation(m: Mutation): string {
  switch (m.kind) {
    case 'put':
      return `{"put":${JSON.stringify(m.collection)},"doc":${encodeRelaxed(m.doc)}}`
    case 'delete':
      return JSON.stringify({ del: m.collection, key: m.key })
    case 'createCollection':
      return JSON.stringify({ coll: m.collection })
    case 'createIndex':
      return JSON.stringify({ index: m.collection, spec: m.index })
  }
}

function decodeMutation(raw: Record<string, unknown>): Mutation {
  if (typeof raw.put === 'string') return { kind: 'put', collection: raw.put, doc: decodeValue(raw.doc, noDecode) as Doc }
  if (typeof raw.del === 'string') return { kind: 'delete', collection: raw.del, key: String(raw.key) }
  if (typeof raw.coll === 'string') return { kind: 'createCollection', collection: raw.coll }
  if (typeof raw.index === 'string') return { kind: 'createIndex', collection: raw.index, index: raw.spec as IndexSpec }
  throw new Error('unknown mutation')
}

/**
 * The data directory: a snapshot (written to a temp file, fsynced, renamed) and
 * an append-only commit log, one JSON line per commit, fsynced per commit. A
 * commit is one line, so a torn last line (crash mid-write) fails to parse and
 * is dropped on reload: the store holds a prefix of the commits.
 */
export class DurableLog {
  private fd: number
  private commitsInLog = 0

  private constructor(
    private readonly dir: string,
    fd: number,
  ) {
    this.fd = fd
  }

  get logLength(): number {
    return this.commitsInLog
  }

  /** Opens (creating) the directory and replays snapshot + log into `target`. Returns the last commit sequence. */
  static open(dir: string, target: ReplayTarget): { log: DurableLog; seq: number } {
    fs.mkdirSync(dir, { recursive: true })
    fs.rmSync(path.join(dir, SNAPSHOT + '.tmp'), { force: true })
    let seq = DurableLog.loadSnapshot(path.join(dir, SNAPSHOT), target)
    const logPath = path.join(dir, LOG)
    const { lastSeq, validBytes, commits } = DurableLog.replayLog(logPath, seq, target)
    seq = Math.max(seq, lastSeq)
    if (fs.existsSync(logPath) && fs.statSync(logPath).size !== validBytes) {
      // more than a torn last line lost: keep the damaged file for inspection
      const tail = fs.readFileSync(logPath).subarray(validBytes)
      if (tail.includes(10)) fs.copyFileSync(logPath, `${logPath}.damaged-${Date.now()}`)
      // drop the unreadable tail so the next commit starts on a fresh line
      fs.truncateSync(logPath, validBytes)
    }
    const fd = fs.openSync(logPath, 'a')
    fs.fsyncSync(fd)
    const log = new DurableLog(dir, fd)
    log.commitsInLog = commits
    return { log, seq }
  }

  private static loadSnapshot(file: string, target: ReplayTarget): number {
    if (!fs.existsSync(file)) return 0
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    const header = JSON.parse(lines[0]) as { seq: number; collections: { name: string; indexes: IndexSpec[] }[] }
    for (const c of header.collections) {
      target.apply({ kind: 'createCollection', collection: c.name })
      for (const index of c.indexes) target.apply({ kind: 'createIndex', collection: c.name, index })
    }
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue
      target.apply(decodeMutation(JSON.parse(lines[i]) as Record<string, unknown>))
    }
    return header.seq
  }

  private static replayLog(file: string, afterSeq: number, target: ReplayTarget) {
    if (!fs.existsSync(file)) return { lastSeq: 0, validBytes: 0, commits: 0 }
    const text = fs.readFileSync(file, 'utf8')
    let pos = 0
    let lastSeq = 0
    let commits = 0
    while (pos < text.length) {
      const end = text.indexOf('\n', pos)
      if (end < 0) break // torn last line: never fully written, never acknowledged
      let entry: { s: number; m: Record<string, unknown>[] }
      try {
        entry = JSON.parse(text.slice(pos, end))
        if (typeof entry.s !== 'number' || !Array.isArray(entry.m)) throw new Error('bad entry')
      } catch {
        break // a damaged line: keep the prefix before it
      }
      const mutations = entry.m.map(decodeMutation)
      // lines already folded into the snapshot (crash between snapshot rename and log reset)
      if (entry.s > afterSeq) for (const m of mutations) target.apply(m)
      lastSeq = entry.s
      commits++
      pos = end + 1
    }
    return { lastSeq, validBytes: Buffer.byteLength(text.slice(0, pos)), commits }
  }

  /** Appends one commit as one line and makes it durable before returning. */
  append(seq: number, mutations: Mutation[]): void {
    const line = `{"s":${seq},"m":[${mutations.map(encodeMutation).join(',')}]}\n`
    fs.writeSync(this.fd, line)
    fs.fdatasyncSync(this.fd)
    this.commitsInLog++
  }

  /** Writes a snapshot of everything (temp file + fsync + rename), then empties the log. */
  writeSnapshot(seq: number, collections: SnapshotCollection[]): void {
    const tmp = path.join(this.dir, SNAPSHOT + '.tmp')
    const fd = fs.openSync(tmp, 'w')
    try {
      const header = { v: 1, seq, collections: collections.map((c) => ({ name: c.name, indexes: c.indexes })) }
      let buffer = JSON.stringify(header) + '\n'
      for (const c of collections) {
        for (const doc of c.docs) {
          buffer += encodeMutation({ kind: 'put', collection: c.name, doc }) + '\n'
          if (buffer.length > 1 << 20) {
            fs.writeSync(fd, buffer)
            buffer = ''
          }
        }
      }
      fs.writeSync(fd, buffer)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT))
    this.syncDir()
    fs.ftruncateSync(this.fd, 0)
    fs.fsyncSync(this.fd)
    this.commitsInLog = 0
  }

  private syncDir(): void {
    try {
      const dirFd = fs.openSync(this.dir, 'r')
      fs.fsyncSync(dirFd)
      fs.closeSync(dirFd)
    } catch {
      // some platforms cannot fsync a directory; the rename is still atomic
    }
  }

  close(): void {
    if (this.fd < 0) return
    fs.closeSync(this.fd)
    this.fd = -1
  }
}
