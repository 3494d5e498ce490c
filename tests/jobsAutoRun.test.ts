import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { parseEnv } from '@/env'
import { storefront } from 'payload-plugin-storefront'

import { getTestPayload } from './helpers/getTestPayload'

/**
 * The tests run the jobs queue themselves (helpers/jobs.ts), step by step; Payload's every-second
 * runner must be off in the test process, or two runners take the same job (issue 15).
 */
let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

type AutoRun = Array<{ queue?: string; cron?: string }>

async function autoRunOf(config: { jobs?: { autoRun?: unknown } }, p?: Payload): Promise<AutoRun> {
  const autoRun = config.jobs?.autoRun
  return typeof autoRun === 'function'
    ? ((await autoRun(p)) as AutoRun)
    : ((autoRun ?? []) as AutoRun)
}

describe('jobs autoRun', () => {
  it('is off in the test process: no runner polls the storefront queue', async () => {
    expect(process.env.JOBS_AUTORUN).toBe('false')
    expect(await autoRunOf(payload.config, payload)).toEqual([])
  })

  it('JOBS_AUTORUN is read as a boolean, on by default, with a sentence for anything else', () => {
    const env = (JOBS_AUTORUN?: string) =>
      parseEnv({ NODE_ENV: 'test', ...(JOBS_AUTORUN ? { JOBS_AUTORUN } : {}) })
    expect(env().JOBS_AUTORUN).toBe(true)
    expect(env('false').JOBS_AUTORUN).toBe(false)
    expect(env('true').JOBS_AUTORUN).toBe(true)
    expect(() => env('sometimes')).toThrowError(/JOBS_AUTORUN must be true or false/)
  })

  it('the worker settings are whole numbers with defaults, with a sentence for anything else', () => {
    const env = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: 'test', ...extra })
    expect(env()).toMatchObject({ JOBS_STALLED_AFTER_SECONDS: 300, JOBS_WORKER_BATCH_SIZE: 20 })
    expect(env({ JOBS_STALLED_AFTER_SECONDS: '2', JOBS_WORKER_BATCH_SIZE: '1' })).toMatchObject({
      JOBS_STALLED_AFTER_SECONDS: 2,
      JOBS_WORKER_BATCH_SIZE: 1,
    })
    expect(() => env({ JOBS_STALLED_AFTER_SECONDS: '0' })).toThrowError(
      /JOBS_STALLED_AFTER_SECONDS must be a whole number of seconds, 1 or more/,
    )
    expect(() => env({ JOBS_WORKER_BATCH_SIZE: '0' })).toThrowError(
      /JOBS_WORKER_BATCH_SIZE must be a whole number of jobs, 1 or more/,
    )
  })

  it("the plugin's default runs the storefront queue every second; jobsAutoRunCron: false adds nothing", async () => {
    const email = { from: 'Shop <shop@test.example>' }
    expect(await autoRunOf(storefront({ email })({} as never))).toEqual([
      expect.objectContaining({ queue: 'storefront', cron: '* * * * * *' }),
    ])
    expect(await autoRunOf(storefront({ email, jobsAutoRunCron: false })({} as never))).toEqual([])
  })
})
