import fc from 'fast-check'

/**
 * Property tests draw the same cases on every run, so CI is deterministic (a random seed once failed a CI run on a
 * case no earlier run had drawn: test/domain/points/expiry.test.ts keeps that case). To explore other cases locally,
 * run with FC_SEED=<number>; a failure prints its seed and path to replay it.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203
fc.configureGlobal({ seed })
