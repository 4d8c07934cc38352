/** Free classes as pure functions: signup and waitlist rules, cancel, attendance and the lead pipeline. */
export * from './cancel'
export * from './rejections'
export * from './model'
export * from './seats'
export * from './signup'
export * from './staff'
