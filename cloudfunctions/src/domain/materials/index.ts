/** Study materials as pure functions: the unlock rules, file checks and the download counter layout. */
export * from './access'
export * from './rejections'
export * from './counters'
export * from './files'
export * from './model'
