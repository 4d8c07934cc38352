import * as fs from 'fs'
import * as path from 'path'
import type { ExtraRoute } from './http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** Serves the H5 build (GET only); unknown paths fall back to index.html (hash router). */
export function staticFiles(rootDir: () => string): ExtraRoute {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0])
    if (urlPath.startsWith('/__') || urlPath.startsWith('/admin')) return false
    const root = path.resolve(rootDir())
    let file = path.resolve(root, '.' + urlPath)
    if (!file.startsWith(root + path.sep) && file !== root) return false
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('H5 build not found: run `npm run build:h5` (npm start does it for you).')
      return true
    }
    const body = fs.readFileSync(file)
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
