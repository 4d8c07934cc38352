/**
 * The dependency rule that keeps the architecture visible:
 *  - domain code (cloudfunctions/src/domain) is pure: no wx, @tarojs, wx-server-sdk, react, node built-ins, emulator;
 *  - the mini program (src) imports cloud code as types only, never wx-server-sdk or the emulator; its only value
 *    imports from the cloud are pure domain modules (a domain file whose own value imports are pure domain modules
 *    too, no packages), so shared limits and checks are the functions' own, not copies;
 *  - the mini program sees views, never storage documents: it imports only contracts and domain value types, and no
 *    document type (`…Doc`, ledger entries, orders, items);
 *  - pages reach functions only through `callAction` (src/shared/cloud): the transport is not imported elsewhere;
 *  - only src/shared/cloud touches wx.cloud / Taro.cloud;
 *  - cloud functions never import the mini program, Taro or the emulator;
 *  - wx-server-sdk is imported (other than for types) only by cloudfunctions/src/shared/cloud.ts;
 *  - the emulator (emulator/) is a standalone package: it never imports the app (src, cloudfunctions, local, config,
 *    scripts); the app's local mode (local/) passes it collections, personas and routes as options.
 */
import * as fs from 'fs'
import * as path from 'path'
import ts from 'typescript'

export interface Violation {
  file: string
  line: number
  rule: string
  detail: string
}

interface ImportRef {
  spec: string
  typeOnly: boolean
  line: number
  /** The imported names as the exporting module spells them (named imports and re-exports only). */
  names: string[]
}

export interface CheckOptions {
  /** Whether a repo-relative module path (no extension) is a pure domain module the mini program may import values from. */
  pureModule?: (target: string) => boolean
}

/** Storage document types: the mini program gets views of them (contracts), never the documents themselves. */
const STORAGE_TYPE = /^(\w+Doc|LedgerEntry|MallOrder|MallItem|MallCode|Stored\w+)$/

const NODE_BUILTINS = new Set(require('module').builtinModules as string[])

function importsOf(file: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const refs: ImportRef[] = []
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)))
      const names =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.map((e) => (e.propertyName ?? e.name).text)
          : []
      refs.push({ spec: node.moduleSpecifier.text, typeOnly, line: lineOf(node), names })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause)
          ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : []
      refs.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(node), names })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.getText(sf) === 'require' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      refs.push({ spec: node.arguments[0].text, typeOnly: false, line: lineOf(node), names: [] })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return refs
}

/** Resolves a specifier to a repo-relative path (aliases and relative paths) or returns the bare package name. */
function target(root: string, file: string, spec: string): string {
  if (spec.startsWith('@/')) return path.posix.join('src', spec.slice(2))
  if (spec.startsWith('@cloud/')) return path.posix.join('cloudfunctions/src', spec.slice(7))
  if (spec.startsWith('.'))
    return path
      .relative(root, path.resolve(path.dirname(path.join(root, file)), spec))
      .split(path.sep)
      .join('/')
  return spec
}

const isPkg = (t: string, name: string) => t === name || t.startsWith(`${name}/`)

export function checkFile(root: string, file: string, text: string, options: CheckOptions = {}): Violation[] {
  const pureModule = options.pureModule ?? (() => false)
  const out: Violation[] = []
  const add = (line: number, rule: string, detail: string) => out.push({ file, line, rule, detail })
  for (const ref of importsOf(file, text)) {
    const t = target(root, file, ref.spec)
    const intoEmulator = t.startsWith('emulator/') || t.startsWith('local/')
    if (file.startsWith('cloudfunctions/src/domain/')) {
      const local = t.startsWith('cloudfunctions/src/domain/')
      const pure = ['dayjs', 'zod'].some((p) => isPkg(t, p))
      if (!local && !pure) add(ref.line, 'domain-is-pure', `domain code may import only domain files, dayjs and zod, not "${ref.spec}"`)
      if (NODE_BUILTINS.has(t.replace(/^node:/, ''))) add(ref.line, 'domain-is-pure', `domain code may not use node built-in "${ref.spec}"`)
    }
    if (file.startsWith('src/')) {
      if (isPkg(t, 'wx-server-sdk') || intoEmulator) add(ref.line, 'client-boundary', `the mini program may not import "${ref.spec}"`)
      const cloud = t.startsWith('cloudfunctions/')
      const pure = t.startsWith('cloudfunctions/src/domain/') && pureModule(t)
      if (cloud && !ref.typeOnly && !pure)
        add(ref.line, 'client-types-only', `import cloud code as types only (values only from pure domain modules): "${ref.spec}"`)
      if (cloud && !t.startsWith('cloudfunctions/src/contracts/') && !t.startsWith('cloudfunctions/src/domain/'))
        add(ref.line, 'client-views-only', `the mini program imports only contracts and domain types: "${ref.spec}"`)
      for (const name of cloud ? ref.names.filter((n) => STORAGE_TYPE.test(n)) : [])
        add(ref.line, 'client-views-only', `the mini program gets views, not the storage document "${name}" (define a view in contracts)`)
      if (t === 'src/shared/cloud/call' && !file.startsWith('src/shared/cloud/'))
        add(ref.line, 'one-call-path', 'call cloud functions with callAction from src/shared/cloud, not the transport')
    }
    if (file.startsWith('cloudfunctions/src/')) {
      if (t.startsWith('src/') || isPkg(t, '@tarojs') || intoEmulator)
        add(ref.line, 'functions-boundary', `cloud functions may not import "${ref.spec}"`)
      if (isPkg(t, 'wx-server-sdk') && !ref.typeOnly && file !== 'cloudfunctions/src/shared/cloud.ts') {
        add(ref.line, 'one-sdk-module', 'only cloudfunctions/src/shared/cloud.ts imports wx-server-sdk')
      }
    }
  }
  if (file.startsWith('emulator/')) {
    for (const ref of importsOf(file, text)) {
      const t = target(root, file, ref.spec)
      if (['src/', 'cloudfunctions/', 'local/', 'config/', 'scripts/'].some((p) => t.startsWith(p)))
        add(ref.line, 'emulator-standalone', `the emulator package may not import the app: "${ref.spec}"`)
    }
  }
  if (file.startsWith('src/') && !file.startsWith('src/shared/cloud/')) {
    text.split('\n').forEach((l, i) => {
      if (/\b(wx|Taro)\.cloud\b/.test(l)) add(i + 1, 'one-cloud-gateway', 'call cloud functions through src/shared/cloud only')
    })
  }
  return out
}

function walk(root: string, dir: string, files: string[]): void {
  const abs = path.join(root, dir)
  if (!fs.existsSync(abs)) return
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name)
    if (e.isDirectory()) walk(root, rel, files)
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(rel)
  }
}

/** The file a repo-relative module path names (`x.ts`, `x.tsx`, `x/index.ts`), or null. */
function moduleFile(root: string, t: string): string | null {
  for (const f of [`${t}.ts`, `${t}.tsx`, `${t}/index.ts`]) if (fs.existsSync(path.join(root, f))) return f
  return null
}

/**
 * A pure domain module: a file under cloudfunctions/src/domain whose value imports are all pure domain modules
 * (type imports are erased), so importing it brings no package and nothing impure into the mini program.
 */
export function pureModules(root: string): (target: string) => boolean {
  const known = new Map<string, boolean>()
  const pure = (t: string): boolean => {
    const hit = known.get(t)
    if (hit !== undefined) return hit
    known.set(t, false) // an import cycle is not pure
    const file = t.startsWith('cloudfunctions/src/domain/') ? moduleFile(root, t) : null
    const result =
      !!file &&
      importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))
        .filter((ref) => !ref.typeOnly)
        .every((ref) => ref.spec.startsWith('.') && pure(target(root, file, ref.spec)))
    known.set(t, result)
    return result
  }
  return pure
}

export function checkTree(root: string): Violation[] {
  const files: string[] = []
  walk(root, 'src', files)
  walk(root, 'cloudfunctions/src', files)
  walk(root, 'emulator', files)
  const options: CheckOptions = { pureModule: pureModules(root) }
  return files.flatMap((f) => checkFile(root, f, fs.readFileSync(path.join(root, f), 'utf8'), options))
}

if (require.main === module) {
  const violations = checkTree(path.join(__dirname, '..'))
  for (const v of violations) console.error(`${v.file}:${v.line} [${v.rule}] ${v.detail}`)
  if (violations.length) {
    console.error(`dependency rule: ${violations.length} violation(s)`)
    process.exit(1)
  }
  console.log('dependency rule: ok')
}
