import { z } from 'zod'

/** Sample function: proves the build/deploy/emulator pipeline. Remove once real functions exist. */
export const HelloRequest = z.object({ action: z.literal('hello') }).strict()
export type HelloResult = { openid: string; businessDay: string; visits: number }
