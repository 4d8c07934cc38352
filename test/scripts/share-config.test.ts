/**
 * Taro injects a page's onShareAppMessage / onShareTimeline only when its config says enableShareAppMessage /
 * enableShareTimeline; a page that calls the share hooks without the flag would share WeChat's default card (its own
 * path, no inviter). Every page that uses the hooks must have the flags, and the Moments flag only where the page
 * has a single-page-mode landing.
 */
import * as fs from 'fs'
import * as path from 'path'

const FEATURES = path.join(__dirname, '..', '..', 'src', 'features')

function pages(): { page: string; source: string; config: string }[] {
  const out: { page: string; source: string; config: string }[] = []
  for (const feature of fs.readdirSync(FEATURES)) {
    const dir = path.join(FEATURES, feature, 'pages')
    if (!fs.existsSync(dir)) continue
    for (const page of fs.readdirSync(dir)) {
      const source = path.join(dir, page, 'index.tsx')
      const config = path.join(dir, page, 'index.config.ts')
      if (fs.existsSync(source) && fs.existsSync(config)) {
        out.push({ page: `${feature}/${page}`, source: fs.readFileSync(source, 'utf8'), config: fs.readFileSync(config, 'utf8') })
      }
    }
  }
  return out
}

describe('share page configs', () => {
  const all = pages()

  it('should enable 转发 on every page that answers a share card', () => {
    const sharing = all.filter((p) => /useChat(AndTimeline)?Share\(/.test(p.source))
    expect(sharing.map((p) => p.page).sort()).toEqual([
      'camp-admin/period',
      'camp/certificate',
      'camp/detail',
      'classes/detail',
      'community/day-card',
      'community/report',
      'community/team-day',
      'invite/index',
      'materials/detail',
    ])
    for (const p of sharing) expect([p.page, /enableShareAppMessage: true/.test(p.config)]).toEqual([p.page, true])
  })

  it('should enable Moments exactly on the pages with a timeline share and a single-page landing', () => {
    for (const p of all) {
      const timeline = /useChatAndTimelineShare\(/.test(p.source)
      expect([p.page, /enableShareTimeline: true/.test(p.config)]).toEqual([p.page, timeline])
      if (timeline) expect([p.page, p.source.includes('<SinglePageNotice')]).toEqual([p.page, true])
    }
  })
})
