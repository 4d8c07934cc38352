/** The points mall as pure functions: checks, the order state machine, and the redeem plan. */
export * from './address'
export * from './rejections'
export * from './ledger-requests'
export * from './items'
export * from './order'
export * from './redeem'
