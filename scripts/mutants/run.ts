/**
 * `npm run mutants [id…]`: applies each known mutant (list.ts) to the source, runs the tests that should kill it,
 * and restores the file. Prints a table; exits 1 if a mutant survives or no longer applies. The function bundles
 * are rebuilt from source by jest's global setup, so a mutant in a service reaches the emulator's runtime.
 */
import { spawnSync } from 'child_process'
import * as fs from 'fs'
import * as path from 'path'
import { MUTANTS, type Mutant } from './list'

const ROOT = path.join(__dirname, '..', '..')

type Outcome = 'killed' | 'SURVIVED' | 'NOT APPLICABLE' | 'BUILD BROKEN'

function apply(m: Mutant): string | null {
  const file = path.join(ROOT, m.file)
  const original = fs.readFileSync(file, 'utf8')
  if (original.split(m.from).length !== 2) return null
  fs.writeFileSync(file, original.replace(m.from, m.to))
  return original
}

function runTests(m: Mutant): boolean {
  const res = spawnSync('npx', ['jest', ...m.tests, '--selectProjects', 'node', '--ci', '--silent'], { cwd: ROOT, stdio: 'ignore' })
  return res.status === 0
}

/** The file a mutant is in right now and its original text: restored on Ctrl-C too. */
let pending: { file: string; original: string } | null = null
process.once('SIGINT', () => {
  if (pending) fs.writeFileSync(pending.file, pending.original)
  process.exit(130)
})

function check(m: Mutant): Outcome {
  const original = apply(m)
  if (original === null) return 'NOT APPLICABLE'
  pending = { file: path.join(ROOT, m.file), original }
  try {
    // A mutant that does not even bundle would be "killed" by the build, not by a test.
    if (spawnSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' }).status !== 0) return 'BUILD BROKEN'
    return runTests(m) ? 'SURVIVED' : 'killed'
  } finally {
    fs.writeFileSync(pending.file, pending.original)
    pending = null
  }
}

function main(): void {
  const wanted = process.argv.slice(2)
  const chosen = wanted.length ? MUTANTS.filter((m) => wanted.includes(m.id)) : MUTANTS
  const baseline = chosen.flatMap((m) => m.tests).filter((t, i, all) => all.indexOf(t) === i)
  // A mutant only counts as killed if the same tests pass on the unmutated code.
  if (
    spawnSync('npx', ['jest', ...baseline, '--selectProjects', 'node', '--ci', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0
  ) {
    console.error('the tests fail without any mutant: fix them first')
    process.exit(1)
  }
  const rows = chosen.map((m) => ({ m, outcome: check(m) }))
  console.log('\n| mutant | what it would break | killed by | result |\n|---|---|---|---|')
  for (const { m, outcome } of rows)
    console.log(`| ${m.id} | ${m.effect} | ${m.tests.map((t) => path.basename(t)).join(', ')} | ${outcome} |`)
  const bad = rows.filter((r) => r.outcome !== 'killed')
  console.log(`\n${rows.length - bad.length}/${rows.length} mutants killed`)
  if (bad.length) process.exit(1)
}

main()
