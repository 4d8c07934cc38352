/** Members manage members: teams and roles, team PK, streak tiers, badges and the learning report, as pure rules. */
export * from './awards'
export * from './badges'
export * from './day-card'
export * from './rejections'
export * from './report'
export * from './team-board'
export * from './teams'
export * from './tiers'
