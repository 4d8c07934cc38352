/** Members, roles and the conversion-event schema as pure functions. */
export * from './events'
export * from './member'
export * from './policy'
export * from './public-id'
