/** Invite posters and attribution as pure functions: codes, first-touch claims, qualification and the capped reward. */
export * from './attribution'
export * from './codes'
export * from './model'
export * from './rejections'
export * from './reward'
