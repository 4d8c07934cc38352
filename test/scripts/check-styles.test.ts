import * as fs from 'fs'
import * as path from 'path'
import { COLORS, PEN_COLORS } from '../../src/shared/ui/tokens'
import { checkAria, checkIconLabels, iconOnlyClicksIn, literalsIn, scssTokens, unlabelledClicksIn } from '../../scripts/check-styles'

const ROOT = path.join(__dirname, '..', '..')

describe('design-token rule', () => {
  it('should flag colour literals in styles and code outside the tokens', () => {
    expect(literalsIn('src/features/a/index.scss', '.a { color: #323233; border: 1px solid #EBEDF0; }').map((v) => v.literal)).toEqual([
      '#323233',
      '#EBEDF0',
    ])
    expect(literalsIn('src/features/a/index.tsx', "const c = '#fff'")).toHaveLength(1)
    expect(literalsIn('src/features/a/index.scss', '.a { color: $color-text; }')).toEqual([])
  })

  it('should allow literals only in the tokens and in app.config.ts', () => {
    expect(literalsIn('src/shared/ui/tokens/tokens.scss', '$color-text: #323233;')).toEqual([])
    expect(literalsIn('src/shared/ui/tokens/index.ts', "text: '#323233'")).toEqual([])
    expect(literalsIn('src/app.config.ts', "backgroundColor: '#f7f8fa'")).toEqual([])
    expect(literalsIn('src/pages/home/index.config.ts', "backgroundColor: '#f7f8fa'")).toHaveLength(1)
  })

  it('should keep the TypeScript tokens equal to the SCSS ones', () => {
    const scss = scssTokens(fs.readFileSync(path.join(ROOT, 'src/shared/ui/tokens/tokens.scss'), 'utf8'))
    const named: Record<keyof typeof COLORS, string> = {
      text: 'color-text',
      text2: 'color-text-2',
      text3: 'color-text-3',
      textDisabled: 'color-text-disabled',
      white: 'color-white',
      bg: 'color-bg',
      border: 'color-border',
      primary: 'color-primary',
      success: 'color-success',
      warning: 'color-warning',
      danger: 'color-danger',
    }
    for (const [key, token] of Object.entries(named)) expect([key, COLORS[key as keyof typeof COLORS]]).toEqual([key, scss.get(token)])
  })

  it('should take the annotation pens from the SCSS palette', () => {
    const scss = scssTokens(fs.readFileSync(path.join(ROOT, 'src/shared/ui/tokens/tokens.scss'), 'utf8'))
    const named: Record<keyof typeof PEN_COLORS, string> = {
      red: 'color-danger',
      yellow: 'color-amber',
      blue: 'color-primary',
      white: 'color-white',
      black: 'color-black',
    }
    for (const [key, token] of Object.entries(named))
      expect([key, PEN_COLORS[key as keyof typeof PEN_COLORS]]).toEqual([key, scss.get(token)])
  })
})

describe('clickable View rule', () => {
  it('should flag a View with onClick and no role, on one line or across lines', () => {
    expect(unlabelledClicksIn('src/a.tsx', "<View id='a' onClick={() => go()}>去</View>")).toEqual([{ file: 'src/a.tsx', line: 1 }])
    const multi = ['<Empty>', '  <View', "    className={`x${a > 1 ? ' y' : ''}`}", '    onClick={() => (n > 1 ? go() : stop())}', '  >']
    expect(unlabelledClicksIn('src/a.tsx', multi.join('\n'))).toEqual([{ file: 'src/a.tsx', line: 2 }])
  })

  it('should pass Views with a role, Views without onClick and a child with one', () => {
    expect(unlabelledClicksIn('src/a.tsx', "<View role='button' aria-label='播放语音' onClick={play} />")).toEqual([])
    expect(unlabelledClicksIn('src/a.tsx', "<View className='a'><Button onClick={go}>去</Button></View>")).toEqual([])
    const nested = "<View className={`a${b > 0 ? 'c' : ''}`}><View role='button' onClick={go} /></View>"
    expect(unlabelledClicksIn('src/a.tsx', nested)).toEqual([])
    expect(unlabelledClicksIn('src/a.ts', "'<View onClick={go} />'")).toEqual([])
  })

  it('should find none in src', () => {
    expect(checkAria(ROOT)).toEqual([])
  })
})

describe('icon-only clickable rule', () => {
  it('should flag a clickable Image, a symbol-only View and an empty mask without an aria-label', () => {
    expect(iconOnlyClicksIn('src/a.tsx', '<Image src={src} onClick={() => preview(src)} />')).toEqual([{ file: 'src/a.tsx', line: 1 }])
    const symbol = [
      '<View className="cell">',
      "  <View role='button' id='remove' onClick={() => remove(key)}>",
      '    ×',
      '  </View>',
      '</View>',
    ]
    expect(iconOnlyClicksIn('src/a.tsx', symbol.join('\n'))).toEqual([{ file: 'src/a.tsx', line: 2 }])
    expect(iconOnlyClicksIn('src/a.tsx', "<View role='button' className='mask' onTap={close} />")).toEqual([{ file: 'src/a.tsx', line: 1 }])
    const iconChild = "<View role='button' onClick={play}><Image src={icon} /><View className='dot' /></View>"
    expect(iconOnlyClicksIn('src/a.tsx', iconChild)).toEqual([{ file: 'src/a.tsx', line: 1 }])
  })

  it('should pass clickables with an aria-label or with words among their children', () => {
    expect(iconOnlyClicksIn('src/a.tsx', "<Image aria-label='查看大图' src={src} onClick={open} />")).toEqual([])
    expect(iconOnlyClicksIn('src/a.tsx', "<View role='button' aria-label='删除图片' onClick={remove}>×</View>")).toEqual([])
    expect(iconOnlyClicksIn('src/a.tsx', "<View role='button' onClick={go}>我的兑换 ›</View>")).toEqual([])
    const nested = "<View role='button' onClick={go}><Image src={cover} /><View className='t'>{item.title}</View></View>"
    expect(iconOnlyClicksIn('src/a.tsx', nested)).toEqual([])
    expect(iconOnlyClicksIn('src/a.tsx', '<Image src={src} />')).toEqual([])
  })

  it('should find none in src', () => {
    expect(checkIconLabels(ROOT)).toEqual([])
  })
})
