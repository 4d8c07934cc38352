/**
 * Loads a host component that renders one @vant/weapp component straight from node_modules/@vant/weapp/lib.
 */
import * as fs from 'fs'
import * as path from 'path'
import { freshSimulate, renderAttached, type SimComponent } from './simulate'

const ROOT = path.resolve(__dirname, '../..')
const VANT_LIB = path.join(ROOT, 'node_modules', '@vant', 'weapp', 'lib')
const HOSTS = path.join(ROOT, 'test', 'ui', 'fixtures', 'vant-host')

/** Files under `dir` with extension `ext`, as paths relative to the project root. */
function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext))
    .map((file) => path.relative(ROOT, path.join(dir, file)))
}

/**
 * The official wxml compiler needs every template and wxs module up front and its own file search skips
 * node_modules, so vant's files are listed explicitly and everything compiles from the project root.
 */
function compilerOptions(hostWxml: string): { wxmlList: string[]; wxsList: string[] } {
  return {
    wxmlList: [...filesUnder(VANT_LIB, '.wxml'), path.relative(ROOT, hostWxml)],
    wxsList: filesUnder(VANT_LIB, '.wxs'),
  }
}

/** Renders `test/ui/fixtures/vant-host/<name>` with `data` bound into the vant component's attributes. */
export function renderVantHost(name: 'button' | 'cell' | 'empty', data: Record<string, unknown>): SimComponent {
  const simulate = freshSimulate()
  const hostPath = path.join(HOSTS, name, 'index')
  const id = simulate.load(hostPath, { rootPath: ROOT, compilerOptions: compilerOptions(`${hostPath}.wxml`) })
  const host = renderAttached(simulate, id)
  host.setData(data)
  return host
}

/**
 * Taps the element inside a vant component that carries `bindtap` (e.g. `.van-button`, `.van-cell`) and
 * lets the event run: j-component delivers events asynchronously.
 */
export async function tap(host: SimComponent, componentSelector: string, innerSelector: string): Promise<void> {
  const target = host.querySelector(componentSelector)?.querySelector(innerSelector)
  if (!target) throw new Error(`nothing matches ${componentSelector} ${innerSelector}`)
  target.dispatchEvent('tap')
  await new Promise((resolve) => setTimeout(resolve, 0))
}
