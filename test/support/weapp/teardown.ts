/** Global teardown of the weapp layer: removes the seed directory and reports (and enforces) weapp-file coverage. */
import * as fs from 'fs'
import { SEED_DIR_ENV } from './build'
import { reportWeappCoverage } from './coverage'

export default async function weappGlobalTeardown(globalConfig: { testPathPattern?: string; nonFlagArgs?: string[] }): Promise<void> {
  const seed = process.env[SEED_DIR_ENV]
  if (seed) fs.rmSync(seed, { recursive: true, force: true })
  // Only a run of the whole layer can tell that a file is never executed; a single file's run just prints its share.
  const wholeLayer = !(globalConfig.nonFlagArgs ?? []).some((a) => !a.startsWith('test/weapp') || a.endsWith('.ts'))
  reportWeappCoverage({ enforce: wholeLayer })
}
