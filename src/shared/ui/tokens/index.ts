/**
 * The design tokens TypeScript needs (page configs, inline styles, canvas drawing). Same values as tokens.scss;
 * test/scripts/check-styles.test.ts keeps the two in step.
 */
export const COLORS = {
  text: '#323233',
  text2: '#646566',
  text3: '#969799',
  textDisabled: '#c8c9cc',
  white: '#fff',
  bg: '#f7f8fa',
  border: '#ebedf0',
  primary: '#1989fa',
  success: '#07c160',
  warning: '#ff976a',
  danger: '#ee0a24',
} as const

/** The funnel's five stages, strongest blue first (the primary fading towards white). */
export const FUNNEL_SHADES = [COLORS.primary, '#3a9bfb', '#5cadfc', '#7dbffd', '#9fd1fe'] as const

/** The photo annotation pens (review feature): vant's danger red, amber, primary blue, white and black. */
export const PEN_COLORS = {
  red: COLORS.danger,
  yellow: '#ffb400',
  blue: COLORS.primary,
  white: COLORS.white,
  black: '#000',
} as const
