export * from './rejection'
