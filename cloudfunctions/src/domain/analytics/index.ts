/** Conversion tracking as pure functions: lifecycle layers, day stats, funnels and curves, rounds, CSV. */
export * from './rejections'
export * from './csv'
export * from './day-stats'
export * from './export-rows'
export * from './funnel'
export * from './layers'
export * from './rates'
export * from './rounds'
