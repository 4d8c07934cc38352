/**
 * Which `src/**\/*.weapp.ts(x)` files the weapp layer executes, measured on the production bundle itself:
 *  1. each test file records V8 precise block coverage (inspector `Profiler.startPreciseCoverage`) while it drives
 *     the pages; jest runs dist/weapp-e2e's scripts untransformed, so V8 offsets are offsets into those files (minus
 *     jest's module-wrapper prefix);
 *  2. the build's source maps (config/index.ts: CAMP_WEAPP_E2E) map every generated position back to a src/ file;
 *  3. a position counts as executed when the innermost V8 block range around it ran at least once.
 * A weapp file counts as EXECUTED when code inside one of its functions ran — not merely its module's top level,
 * which runs when a page chunk loads (webpack module factories and script tops are excluded). The global teardown
 * prints executed/mapped lines per file and fails the run when a weapp file never ran (EXEMPT lists deliberate gaps).
 */
import * as fs from 'fs'
import * as inspector from 'inspector'
import * as os from 'os'
import * as path from 'path'
import { SourceMapConsumer } from 'source-map'

const ROOT = path.join(__dirname, '..', '..', '..')
const DIST_MARK = `${path.sep}dist${path.sep}weapp-e2e${path.sep}`
const OUT_DIR = path.join(os.tmpdir(), `camp-weapp-coverage-${process.ppid}`)
const JEST_WRAPPER_SUFFIX = '\n}});'.length

/** Weapp-only files no test here can execute, with the reason (none today). */
export const EXEMPT: Record<string, string> = {}

interface Range {
  startOffset: number
  endOffset: number
  count: number
}
interface FunctionCoverage {
  ranges: Range[]
}
interface ScriptCoverage {
  url: string
  functions: FunctionCoverage[]
}
interface Mapped {
  offset: number
  source: string
  line: number
}
/** Per weapp source file: lines with generated code, lines that ran, lines that ran inside a function body. */
type FileLines = Record<string, { mapped: number[]; ran: number[]; ranInFunction: number[] }>

export function weappSourceFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.weapp\.tsx?$/.test(e.name)) out.push(path.relative(ROOT, p).split(path.sep).join('/'))
    }
  }
  walk(path.join(ROOT, 'src'))
  return out.sort()
}

/** webpack names sources `webpack://camp-community/._src_shared_cloud_call.weapp.ts`: back to `src/shared/cloud/call.weapp.ts`. */
function sourceFile(source: string): string | null {
  const m = /\._(src_[^?]+\.weapp\.tsx?)$/.exec(source)
  return m ? m[1].replace(/_/g, '/') : null
}

const USE_STRICT = '"use strict";'
const SUB_COMMON_REQUIRES = /^"use strict";((?:require\("(?:\.\.\/)+sub-(?:common\/[0-9a-f]+|vendors)\.js"\);)+)/

const mappingCache = new Map<string, Promise<Mapped[]>>()

function weappMappings(file: string, code: string): Promise<Mapped[]> {
  let cached = mappingCache.get(file)
  if (!cached) {
    cached = (async () => {
      const mapFile = `${file}.map`
      if (!fs.existsSync(mapFile)) return []
      const raw = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[] }
      if (!raw.sources.some((s) => sourceFile(s))) return []
      const lineStarts = [0]
      for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1)
      // Taro's MiniSplitChunksPlugin (@tarojs/webpack5-runner) splices `require("../../sub-common/….js");` lines in
      // after a subpackage page's leading "use strict"; once the source map is written, so line 1 of such a page is
      // shifted by that text: add it back or every mapping of the page points into the requires.
      const injected = SUB_COMMON_REQUIRES.exec(code)?.[1].length ?? 0
      const consumer = await new SourceMapConsumer(raw as never)
      const out: Mapped[] = []
      consumer.eachMapping((m) => {
        const source = m.source ? sourceFile(m.source) : null
        const shift = m.generatedLine === 1 && m.generatedColumn >= USE_STRICT.length ? injected : 0
        if (source) out.push({ offset: lineStarts[m.generatedLine - 1] + m.generatedColumn + shift, source, line: m.originalLine })
      })
      consumer.destroy()
      return out
    })()
    mappingCache.set(file, cached)
  }
  return cached
}

/** A webpack module factory (`{123:function(e,t,n){`) or the script itself: runs on load, not a use of the file. */
function isLoadTimeFunction(code: string, start: number): boolean {
  return start <= 0 || /[{,]\d+:$/.test(code.slice(Math.max(0, start - 12), start))
}

async function linesOf(script: ScriptCoverage, into: FileLines): Promise<void> {
  const file = script.url.replace(/^file:\/\//, '')
  const code = fs.readFileSync(file, 'utf8')
  const mappings = await weappMappings(file, code)
  if (!mappings.length || !script.functions.length) return
  const top = script.functions[0].ranges[0]
  const prefix = top.endOffset - code.length - JEST_WRAPPER_SUFFIX
  const ranges = script.functions.flatMap((f, fi) =>
    f.ranges.map((r) => ({ start: r.startOffset - prefix, end: r.endOffset - prefix, count: r.count, fn: fi })),
  )
  const fnStart = script.functions.map((f) => f.ranges[0].startOffset - prefix)
  for (const m of mappings) {
    let best: (typeof ranges)[number] | undefined
    let bestFn: (typeof ranges)[number] | undefined
    for (const r of ranges) {
      if (r.start > m.offset || r.end <= m.offset) continue
      if (!best || r.end - r.start < best.end - best.start) best = r
      const isFnRange = r.start === fnStart[r.fn]
      if (isFnRange && (!bestFn || r.end - r.start < bestFn.end - bestFn.start)) bestFn = r
    }
    const entry = (into[m.source] ??= { mapped: [], ran: [], ranInFunction: [] })
    entry.mapped.push(m.line)
    if (best && best.count > 0) {
      entry.ran.push(m.line)
      if (bestFn && !isLoadTimeFunction(code, bestFn.start)) entry.ranInFunction.push(m.line)
    }
  }
}

let session: inspector.Session | null = null
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session?.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))))

/** Call in a weapp test file's top level: records coverage for the whole file. */
export function recordWeappCoverage(): void {
  beforeAll(async () => {
    session = new inspector.Session()
    session.connect()
    await post('Profiler.enable')
    await post('Profiler.startPreciseCoverage', { callCount: true, detailed: true })
  })
  afterAll(async () => {
    const { result } = (await post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] }
    await post('Profiler.stopPreciseCoverage')
    session?.disconnect()
    session = null
    const lines: FileLines = {}
    for (const script of result.filter((s) => s.url.includes(DIST_MARK) && s.url.endsWith('.js'))) await linesOf(script, lines)
    fs.mkdirSync(OUT_DIR, { recursive: true })
    fs.writeFileSync(path.join(OUT_DIR, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(lines))
  }, 120_000)
}

/** The global setup starts each run with no recorded files. */
export function resetWeappCoverage(): void {
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
}

/** Merges every test file's lines, prints one line per weapp file and a summary; throws when a file never ran. */
export function reportWeappCoverage({ enforce }: { enforce: boolean }): void {
  if (!fs.existsSync(OUT_DIR)) return
  const merged: Record<string, { mapped: Set<number>; ran: Set<number>; inFn: Set<number> }> = {}
  for (const name of fs.readdirSync(OUT_DIR)) {
    const part = JSON.parse(fs.readFileSync(path.join(OUT_DIR, name), 'utf8')) as FileLines
    for (const [file, l] of Object.entries(part)) {
      const m = (merged[file] ??= { mapped: new Set(), ran: new Set(), inFn: new Set() })
      l.mapped.forEach((x) => m.mapped.add(x))
      l.ran.forEach((x) => m.ran.add(x))
      l.ranInFunction.forEach((x) => m.inFn.add(x))
    }
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
  const files = weappSourceFiles()
  const missed = files.filter((f) => !EXEMPT[f] && !(merged[f]?.inFn.size > 0))
  let mapped = 0
  let ran = 0
  console.log('\nweapp-only files (lines executed / lines in the production bundle):')
  for (const f of files) {
    const m = merged[f]
    mapped += m?.mapped.size ?? 0
    ran += m?.ran.size ?? 0
    const flag = EXEMPT[f] ? `exempt: ${EXEMPT[f]}` : m?.inFn.size ? 'executed' : 'NEVER EXECUTED'
    console.log(`  ${f}: ${m?.ran.size ?? 0}/${m?.mapped.size ?? 0} lines — ${flag}`)
  }
  const pct = mapped ? ((100 * ran) / mapped).toFixed(1) : '0.0'
  console.log(`weapp-only coverage: ${files.length - missed.length}/${files.length} files executed, ${ran}/${mapped} lines (${pct}%)`)
  if (enforce && missed.length) throw new Error(`weapp-only files never executed by test/weapp: ${missed.join(', ')}`)
}
