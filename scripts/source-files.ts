import * as fs from 'fs'
import * as path from 'path'

/** Every file under `dir` (repo-relative, posix separators), depth first: what the source checks read. */
export function filesUnder(root: string, dir: string): string[] {
  const files: string[] = []
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, e.name)
      if (e.isDirectory()) walk(child)
      else files.push(child)
    }
  }
  walk(dir)
  return files
}
