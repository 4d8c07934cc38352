/**
 * Test layers (see README "测试 / Tests"):
 *  node   — domain rules, cloud functions through the emulator, the emulator itself, scripts
 *  pages  — React pages/components on jsdom with Taro's real H5 runtime
 *  ui     — built weapp pages (with their @vant/weapp components) in miniprogram-simulate
 *  e2e    — headless Chromium against the H5 build served by the emulator (run last, needs builds)
 *  weapp  — the production weapp build's pages in miniprogram-simulate with a `wx` backed by the emulator
 *           (`npm run test:weapp`, --runInBand; its global setup builds dist/weapp-e2e and seeds once)
 */
const nodeBabel = {
  configFile: false,
  babelrc: false,
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}

/**
 * The H5 build compiles pages with babel-preset-taro (babel.config.js) plus babel-plugin-transform-taroapi, which
 * turns `Taro.stopPullDownRefresh()` into a named import of the H5 API; the pages project does the same.
 */
const h5Babel = {
  plugins: [
    [
      'babel-plugin-transform-taroapi',
      { packageName: '@tarojs/taro', definition: require('@tarojs/plugin-platform-h5/dist/definition.json') },
    ],
  ],
}

const moduleNameMapper = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@cloud/(.*)$': '<rootDir>/cloudfunctions/src/$1',
}

module.exports = {
  testTimeout: 20000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{domain,functions,emulator,local,scripts}/**/*.test.ts'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/fast-check.setup.ts'],
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/pages/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/test/pages/taro-h5-env.setup.ts'],
      // A build-time constant of @tarojs/components' React wrappers: false = register the web components.
      globals: { DEPRECATED_ADAPTER_COMPONENT: false },
      transform: { '^.+\\.m?[jt]sx?$': ['babel-jest', h5Babel] },
      // Transform Taro's ES-module packages (and anything nested inside them) plus the ESM-only packages they import.
      transformIgnorePatterns: [
        '^(?!.*/node_modules/(@tarojs|@stencil|query-string|decode-uri-component|split-on-first|filter-obj|lodash-es|nanoid|swiper|ssr-window|dom7)/).*/node_modules/',
      ],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/support/taro-h5-shim.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js',
      },
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.ts'],
      // Loading a built page compiles Taro's templates and boots React: slow on a busy 2-core machine.
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper,
    },
    {
      displayName: 'weapp',
      // Node's globals plus a jsdom window: the emulator and wx-server-sdk run beside miniprogram-simulate.
      testEnvironment: '<rootDir>/test/support/weapp/environment.js',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      // The built bundle runs as shipped (and its V8 coverage lines up with its source maps).
      transformIgnorePatterns: ['/node_modules/', '/dist/'],
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/weapp/build.ts',
      globalTeardown: '<rootDir>/test/support/weapp/teardown.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', nodeBabel] },
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
}
