/**
 * `npm run deploy [-- --plan] [-- --env local]`: makes a CloudBase environment match the code (collections,
 * indexes, database permissions, storage rules, functions and their one trigger each), printing the plan first.
 * Idempotent: a second run plans nothing. Without credentials it plans against an empty environment.
 */
import * as path from 'path'
import { LocalDatabase } from '../../emulator/db/local-database'
import { EmulatorClock } from '../../emulator/core/clock'
import { formatChecklist } from './checklist'
import { cloudbaseTarget, type Manager, type MiniprogramCloud } from './cloudbase-target'
import { missingDeployIds, readCredentials, type CloudCredentials } from './credentials'
import { desiredState, EMPTY_ENV } from './desired-state'
import { localTarget } from './local-target'
import { formatPlan, pending, plan } from './plan'
import { applyPlan, restrictTo, type DeployTarget } from './target'

const ROOT = path.join(__dirname, '..', '..')

function cloudTarget(creds: CloudCredentials): DeployTarget {
  const CloudBase = require('@cloudbase/manager-node') as new (o: { secretId: string; secretKey: string; envId: string }) => Manager
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci')

  const manager = new CloudBase({ secretId: creds.secretId, secretKey: creds.secretKey, envId: creds.envId })
  const project = new ci.Project({
    appid: creds.appId,
    type: 'miniProgram',
    projectPath: path.join(ROOT, 'dist', 'weapp'),
    privateKeyPath: creds.uploadKeyPath,
  })
  const cloud: MiniprogramCloud = {
    uploadFunction: (o) => ci.cloud.uploadFunction({ project, ...o }),
    createTimeTrigger: (o) => ci.cloud.createTimeTrigger({ project, ...o }),
  }
  return cloudbaseTarget(creds.envId, manager, cloud)
}

async function run(target: DeployTarget, planOnly: boolean): Promise<void> {
  const desired = restrictTo(desiredState(), target.kinds)
  const items = plan(desired, restrictTo(await target.read(desired), target.kinds))
  console.log(`\n${target.label}\n${formatPlan(items)}`)
  if (planOnly || pending(items).length === 0) return
  await applyPlan(target, items, console.log)
  const again = pending(plan(desired, restrictTo(await target.read(desired), target.kinds)))
  console.log(again.length === 0 ? 'applied; the environment now matches the code' : `still differs:\n${formatPlan(again)}`)
  if (again.length > 0) process.exitCode = 1
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const planOnly = args.includes('--plan')
  const envArg = args[args.indexOf('--env') + 1]
  if (args.includes('--env') && envArg === 'local') {
    const db = await LocalDatabase.open({ clock: new EmulatorClock(), dataDir: process.env.DATA_DIR ?? path.join(ROOT, '.emulator-data') })
    try {
      await run(localTarget(db), planOnly)
    } finally {
      await db.close()
    }
    return
  }
  const creds = readCredentials(ROOT)
  if ('missing' in creds) {
    const desired = desiredState()
    console.log(
      `\nno credentials (${creds.missing.join(', ')} not set): planning against an empty environment\n${formatPlan(plan(desired, EMPTY_ENV))}`,
    )
    if (!planOnly) {
      console.error('\nnothing applied: fill .env.local (see .env.example) and run again')
      process.exitCode = 1
    }
  } else {
    const missingIds = missingDeployIds(ROOT)
    if (!planOnly && missingIds.length > 0) {
      console.error(`nothing applied: the bundles would carry placeholder ids; set ${missingIds.join(', ')} in .env.local`)
      process.exitCode = 1
    } else await run(cloudTarget(creds), planOnly)
  }
  console.log(`\n${formatChecklist()}`)
}

main().catch((err: unknown) => {
  console.error('deploy failed:', err instanceof Error ? err.message : err)
  process.exit(1)
})
