import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { buildFunction, buildTimeFunctionEnv, configWithEnv } from '../../scripts/build-functions'
import { desiredFunctions } from '../../scripts/deploy/desired-state'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fenv-'))
const TEMPLATES = { checkinReminder: 'a', reviewArrived: 'b', classReminder: 'c' }

describe('function env per environment (CAMP_AI_MODEL)', () => {
  const saved = { model: process.env.CAMP_AI_MODEL, tokens: process.env.CAMP_AI_DAILY_TOKENS }
  afterEach(() => {
    for (const [k, v] of [
      ['CAMP_AI_MODEL', saved.model],
      ['CAMP_AI_DAILY_TOKENS', saved.tokens],
    ] as const)
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
  })

  it('should read the AI model and budget from .env.local, and leave unset ones out', () => {
    delete process.env.CAMP_AI_MODEL
    delete process.env.CAMP_AI_DAILY_TOKENS
    const root = tmp()
    fs.writeFileSync(path.join(root, '.env.local'), 'CAMP_AI_MODEL=deepseek/deepseek-v3\nTARO_APP_ID=wx1\n')
    expect(buildTimeFunctionEnv(root)).toEqual({ CAMP_AI_MODEL: 'deepseek/deepseek-v3' })
  })

  it('should give the env only to the functions that use it', () => {
    const env = { CAMP_AI_MODEL: 'deepseek/deepseek-v3', CAMP_AI_DAILY_TOKENS: '5000' }
    expect(configWithEnv('review', { timeout: 20 }, env)).toEqual({ timeout: 20, envVariables: env })
    expect(configWithEnv('camp', { timeout: 10 }, env)).toEqual({ timeout: 10 })
    expect(configWithEnv('review', { timeout: 20 }, {})).toEqual({ timeout: 20 })
  })

  it("should write it into the bundle's config.json, which deploy sets on the function", async () => {
    const out = tmp()
    await buildFunction('review', out, TEMPLATES, { CAMP_AI_MODEL: 'hunyuan-exp/hunyuan-turbos-latest' })
    const config = JSON.parse(fs.readFileSync(path.join(out, 'review', 'config.json'), 'utf8'))
    expect(config.envVariables).toEqual({ CAMP_AI_MODEL: 'hunyuan-exp/hunyuan-turbos-latest' })
    expect(desiredFunctions(out)).toEqual([
      expect.objectContaining({ name: 'review', envVariables: { CAMP_AI_MODEL: 'hunyuan-exp/hunyuan-turbos-latest' } }),
    ])
  })
})
