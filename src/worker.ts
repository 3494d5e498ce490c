/**
 * `npm run worker`: runs the storefront jobs queue (receipts) in a process of its own, started with
 * Payload's own `payload run`. Web instances then set JOBS_AUTORUN=false. SIGTERM or Ctrl-C lets
 * the jobs in hand finish; a worker killed outright leaves its job to the others, which run it
 * again after JOBS_STALLED_AFTER_SECONDS (see releaseStalledJobs).
 */
import { getPayload } from 'payload'
import { runJobsWorker, STOREFRONT_QUEUE } from 'payload-plugin-storefront'

import config from '../payload.config'
import { env } from './env'

// getPayload without `cron: true` starts no autoRun: this loop is the only runner in the process.
const payload = await getPayload({ config })
const stop = new AbortController()
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop.abort())

payload.logger.info(`Jobs worker ${process.pid} is running the "${STOREFRONT_QUEUE}" queue.`)
await runJobsWorker({
  payload,
  limit: env.JOBS_WORKER_BATCH_SIZE,
  stalledAfterMs: env.JOBS_STALLED_AFTER_SECONDS * 1000,
  signal: stop.signal,
})
await payload.destroy()
process.exit(0)
