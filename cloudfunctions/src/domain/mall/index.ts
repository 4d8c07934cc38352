/** The points mall as pure functions: checks, the order state machine, and the redeem flow with its undo steps. */
export * from './address'
export * from './rejections'
export * from './compensation'
export * from './items'
export * from './order'
export * from './redeem'
