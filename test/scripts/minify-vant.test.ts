import { pruneIconGlyphs, tokensOf } from '../../config/plugins/minify-vant'

const CSS =
  '.van-icon{display:inline-block}.van-icon-arrow:before{content:"\\e660"}.van-icon-photo-o:before{content:"\\e6a1"}' +
  '.van-icon-contact:before{content:"\\e753"}.van-icon-arrow-left:before{content:"\\e668"}'

describe('vant icon glyph pruning', () => {
  it('should keep the glyphs of icons a source mentions and drop the rest', () => {
    const used = tokensOf(["<Cell icon='photo-o' isLink />", "name=\"{{ arrowDirection ? 'arrow' + '-' + arrowDirection : 'arrow' }}\""])
    const out = pruneIconGlyphs(CSS, used)
    expect(out).toContain('.van-icon-photo-o:before')
    expect(out).toContain('.van-icon-arrow:before')
    expect(out).not.toContain('.van-icon-contact:before')
    // A name built at run time is only kept when listed: the plugin adds the arrow directions itself.
    expect(out).not.toContain('.van-icon-arrow-left:before')
    expect(pruneIconGlyphs(CSS, tokensOf(['arrow-left']))).toContain('.van-icon-arrow-left:before')
    // The base rule stays whatever is used.
    expect(pruneIconGlyphs(CSS, new Set())).toBe('.van-icon{display:inline-block}')
  })
})
