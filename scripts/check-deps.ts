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
 *    scripts); the app's local mode (local/) passes it collections, personas and routes as options;
 *  - services reach the database only through their own feature's repository module (services/<feature>/store.ts,
 *    repo.ts or <part>-store.ts, built on shared/repository.ts): no `.collection(` and no raw db helpers elsewhere in services, no import of
 *    another feature's repository module, and a repository names only collections its feature owns (schema manifest);
 *  - features (services/<feature>) import each other without cycles;
 *  - no `as unknown as` in services, domain or function code: results are typed by the manifest;
 *  - no loose records (`Record<string, unknown>`, `Record<string, any>`, `{ [k: string]: unknown }`) in the mini program
 *    or the contracts: every payload a page sends is the action's own request type (contracts/calls.ts), so a
 *    payload assembled as a loose record and cast would hide a field the schema refuses (LOOSE_RECORD_INPUTS: the
 *    transport below callAction and the readers of WeChat's launch query, which is input, not a payload).
 * The repository, cast and cycle rules have no exceptions left (every service is on its repository since issue #19);
 * LOOSE_RECORD_INPUTS is the one explicit, shrinking-only exception list (an entry that no longer needs its exception
 * is itself reported).
 */
import * as fs from 'fs'
import * as path from 'path'
import ts from 'typescript'
import { OWNER } from '../cloudfunctions/src/schema/collections'

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
  /** The value (non-type) names an `import { … }` binds. */
  valueNames: string[]
}

export interface CheckOptions {
  /** Whether a repo-relative module path (no extension) is a pure domain module the mini program may import values from. */
  pureModule?: (target: string) => boolean
  /** Apply the LOOSE_RECORD_INPUTS exceptions (off when checking whether an exception is still needed). */
  honourLegacy?: boolean
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
      const elements = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : []
      const names = elements.map((e) => (e.propertyName ?? e.name).text)
      const valueNames = clause?.isTypeOnly ? [] : elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text)
      refs.push({ spec: node.moduleSpecifier.text, typeOnly, line: lineOf(node), names, valueNames })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause)
          ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : []
      refs.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(node), names, valueNames: [] })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.getText(sf) === 'require' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      refs.push({ spec: node.arguments[0].text, typeOnly: false, line: lineOf(node), names: [], valueNames: [] })
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

const SERVICES = 'cloudfunctions/src/services/'
/** The feature a services file belongs to (`services/<feature>/…`), or null outside services. */
export const featureOf = (file: string): string | null => (file.startsWith(SERVICES) ? file.slice(SERVICES.length).split('/')[0] : null)
/** A feature's repository module: the one place it names its collections (`store.ts`, `repo.ts` or `<part>-store.ts`). */
export const isRepoModule = (file: string): boolean =>
  /^cloudfunctions\/src\/services\/[^/]+\/(store|repo|[a-z0-9]+(-[a-z0-9]+)*-store)\.ts$/.test(file)
/** shared/db helpers that take a collection name: services call them only through their repository. */
const RAW_DB = new Set(['db', 'getOrNull', 'txGet', 'byIds', 'countWhere'])

/**
 * Files that may keep a loose record, with the reason: the transport under the typed callAction, and the readers of
 * the launch / show query WeChat hands the app (untrusted input, checked field by field). Shrinking only.
 */
export const LOOSE_RECORD_INPUTS = new Set<string>([
  'src/shared/cloud/types.ts',
  'src/shared/wx/share.ts',
  'src/shared/wx/share.weapp.ts',
  'src/shared/share/share-path.ts',
  'src/shared/session/index.ts',
])

const LOOSE_SCOPES = ['src/', 'cloudfunctions/src/contracts/']

const isLooseValue = (t: ts.TypeNode | undefined) => !!t && (t.kind === ts.SyntaxKind.UnknownKeyword || t.kind === ts.SyntaxKind.AnyKeyword)

/** Lines of `Record<string, unknown | any>` and string index signatures of unknown / any, anywhere in the file's types. */
export function looseRecordLines(file: string, text: string): number[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const lines: number[] = []
  const visit = (n: ts.Node) => {
    const record =
      ts.isTypeReferenceNode(n) &&
      ts.isIdentifier(n.typeName) &&
      n.typeName.text === 'Record' &&
      n.typeArguments?.length === 2 &&
      n.typeArguments[0].kind === ts.SyntaxKind.StringKeyword &&
      isLooseValue(n.typeArguments[1])
    const index = ts.isIndexSignatureDeclaration(n) && n.parameters[0]?.type?.kind === ts.SyntaxKind.StringKeyword && isLooseValue(n.type)
    if (record || index) lines.push(sf.getLineAndCharacterOfPosition(n.getStart()).line + 1)
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return lines
}

const CAST_SCOPES = ['cloudfunctions/src/services/', 'cloudfunctions/src/domain/', 'cloudfunctions/src/functions/']

export function checkFile(root: string, file: string, text: string, options: CheckOptions = {}): Violation[] {
  const pureModule = options.pureModule ?? (() => false)
  const honourLegacy = options.honourLegacy ?? true
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
  const feature = featureOf(file)
  if (feature) {
    if (!isRepoModule(file)) {
      text.split('\n').forEach((l, i) => {
        if (/\.collection\(/.test(l))
          add(i + 1, 'repository-only', 'services reach collections through their feature repository (store.ts / repo.ts / *-store.ts)')
      })
    }
    for (const ref of importsOf(file, text)) {
      const t = target(root, file, ref.spec)
      if (t === 'cloudfunctions/src/shared/db' && !isRepoModule(file))
        for (const n of ref.valueNames.filter((x) => RAW_DB.has(x)))
          add(ref.line, 'repository-only', `"${n}" takes a collection name: use the feature repository instead`)
      const other = featureOf(`${t}.ts`)
      if (other && other !== feature && isRepoModule(`${t}.ts`))
        add(ref.line, 'own-repository', `feature "${feature}" may not import the "${other}" repository: call a function "${other}" exports`)
    }
    if (isRepoModule(file)) {
      for (const [name, owner] of Object.entries(OWNER) as [string, string][]) {
        if (owner === 'shared' || owner === feature) continue
        const at = text.split('\n').findIndex((l) => l.includes(`'${name}'`))
        if (at >= 0) add(at + 1, 'collection-owner', `collection "${name}" belongs to "${owner}", not "${feature}"`)
      }
    }
  }
  if (CAST_SCOPES.some((p) => file.startsWith(p))) {
    text.split('\n').forEach((l, i) => {
      if (/\bas unknown as\b/.test(l))
        add(i + 1, 'no-double-cast', 'no `as unknown as`: type the result at its source (shared/repository.ts)')
    })
  }
  if (LOOSE_SCOPES.some((p) => file.startsWith(p)) && !(honourLegacy && LOOSE_RECORD_INPUTS.has(file))) {
    for (const line of looseRecordLines(file, text))
      add(line, 'typed-payloads', 'no loose record in the mini program or contracts: use the request type (contracts/calls.ts) or a view')
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

/** Feature-level import cycles among services/<feature> (value imports; type-only imports do not run). */
export function checkFeatureCycles(root: string, files: { file: string; text: string }[]): Violation[] {
  const edges = new Map<string, Map<string, { file: string; line: number }>>()
  for (const { file, text } of files) {
    const from = featureOf(file)
    if (!from) continue
    for (const ref of importsOf(file, text)) {
      if (ref.typeOnly) continue
      const to = featureOf(`${target(root, file, ref.spec)}.ts`)
      if (!to || to === from) continue
      if (!edges.has(from)) edges.set(from, new Map())
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, { file, line: ref.line })
    }
  }
  const reaches = (a: string, b: string): boolean => {
    const seen = new Set<string>()
    const stack = [a]
    while (stack.length) {
      const n = stack.pop()!
      if (n === b) return true
      if (seen.has(n)) continue
      seen.add(n)
      stack.push(...(edges.get(n)?.keys() ?? []))
    }
    return false
  }
  const out: Violation[] = []
  for (const [from, tos] of edges)
    for (const [to, at] of tos) {
      if (!reaches(to, from)) continue
      const key = `${from} -> ${to}`
      out.push({ file: at.file, line: at.line, rule: 'feature-cycle', detail: `${key} closes a feature cycle: invert one dependency` })
    }
  return out
}

/** A legacy exception that is no longer needed must be removed (the lists only shrink). */
function staleExceptions(root: string, files: { file: string; text: string }[]): Violation[] {
  const out: Violation[] = []
  const byFile = new Map(files.map((f) => [f.file, f.text]))
  const rulesWithout = (file: string) => {
    const text = byFile.get(file)
    return new Set(text === undefined ? [] : checkFile(root, file, text, { honourLegacy: false }).map((v) => v.rule))
  }
  for (const file of LOOSE_RECORD_INPUTS)
    if (!rulesWithout(file).has('typed-payloads'))
      out.push({ file, line: 1, rule: 'stale-exception', detail: 'remove from LOOSE_RECORD_INPUTS: it has no loose record left' })
  return out
}

export function checkTree(root: string): Violation[] {
  const names: string[] = []
  walk(root, 'src', names)
  walk(root, 'cloudfunctions/src', names)
  walk(root, 'emulator', names)
  const files = names.map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }))
  const options: CheckOptions = { pureModule: pureModules(root) }
  return [
    ...files.flatMap((f) => checkFile(root, f.file, f.text, options)),
    ...checkFeatureCycles(root, files),
    ...staleExceptions(root, files),
  ]
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
