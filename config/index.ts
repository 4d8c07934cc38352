import * as path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'
import { vantCopyPatterns } from './vant'
import { writeDevtoolsAppId } from './devtools-appid'
import { assertReleaseIds } from './release-guard'
import { subscribeTemplateIds } from './subscribe-templates'
// JSON needs no compiling, so config may read the functions' own copy of the check-in limits (see domain/camp/content.ts).
import checkinLimits from '../cloudfunctions/src/domain/camp/checkin-limits.json'

export default defineConfig<'webpack5'>(async (merge) => {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  // The weapp end-to-end layer (test/weapp) builds the same production bundle into its own directory, with source
  // maps beside it so its coverage maps back to src/ (the shipped dist/weapp stays map-free for size and CI checks).
  const e2e = isWeapp && process.env.CAMP_WEAPP_E2E === '1'
  const outputRoot = e2e ? 'dist/weapp-e2e' : `dist/${process.env.TARO_ENV}`
  assertReleaseIds(process.env)
  if (isWeapp) writeDevtoolsAppId(path.join(__dirname, '..'), process.env.TARO_APP_ID)
  // The pure domain modules the mini program imports values from (check-deps `client-pure-values`) are TypeScript
  // outside sourceRoot, so the bundler compiles them too.
  const pureDomain = { include: [path.resolve(__dirname, '..', 'cloudfunctions/src/domain')] }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'camp-community',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [path.join(__dirname, 'plugins', 'minify-vant.ts')],
    defineConstants: {
      // Local mode (H5 + emulator) is decided at build time; the weapp build always uses wx.cloud.
      CLOUD_ENV_ID: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // Real template ids come from .env.local (Taro loads TARO_APP_* before this file runs); placeholders otherwise.
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplateIds(process.env)),
      CHECKIN_LIMITS: JSON.stringify(checkinLimits),
    },
    copy: { patterns: isWeapp ? vantCopyPatterns(outputRoot) : [], options: {} },
    // Design tokens ($color-*, $font-*, $radius-*, $space-*) in every SCSS file without an import; the file emits no CSS.
    sass: {
      resource: [path.resolve(__dirname, '..', 'src/shared/ui/tokens/tokens.scss')],
      projectDirectory: path.resolve(__dirname, '..'),
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: pureDomain,
      ...(e2e ? { enableSourceMap: true, sourceMapType: 'source-map' } : {}),
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: [/van-/] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile: pureDomain,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
