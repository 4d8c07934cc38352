/**
 * What the H5 webpack build defines at compile time (webpack5-runner's H5WebpackPlugin): Taro's runtime,
 * router and components branch on these, and take the mini-program code path when they are missing.
 */
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'
