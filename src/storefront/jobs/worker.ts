import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { setTimeout as sleep } from 'node:timers/promises'

import { EMAIL_RETRIES, STOREFRONT_QUEUE } from '../constants'

type SqlAdapter = {
  drizzle: { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }> }
  tableNameMap: Map<string, string>
}

/**
 * Puts back in the queue the jobs a worker claimed and never finished because it died (SIGKILL,
 * out of memory, a lost machine). Payload 3.90 marks a claimed job `processing: true` and only its
 * own runner ever clears the flag: a job whose runner died stays claimed forever, and no other
 * runner picks it up (payloadcms/payload#17645: no lease, no expiry). A job counts as stalled when
 * it has been processing, without Payload writing to it, for longer than `stalledAfterMs`, which
 * must exceed the longest run of one task (a receipt: one Resend call, seconds).
 *
 * One UPDATE, so two workers releasing at once cannot hand the same job out twice. Each release
 * counts as a try; a job that keeps killing its worker ends with an error after
 * `maxAttempts` instead of looping forever. Running a released job again is safe because the
 * storefront's tasks are idempotent (Resend's idempotency key, the receipt's `sent` check).
 * @returns the ids of the released jobs
 */
export async function releaseStalledJobs({
  payload,
  queue = STOREFRONT_QUEUE,
  stalledAfterMs,
  maxAttempts = EMAIL_RETRIES.attempts,
}: {
  payload: Payload
  queue?: string
  stalledAfterMs: number
  maxAttempts?: number
}): Promise<Array<number | string>> {
  const adapter = payload.db as unknown as Partial<SqlAdapter>
  if (!adapter.drizzle || !adapter.tableNameMap) {
    throw new Error(
      'releaseStalledJobs needs a SQL database adapter built on Drizzle (@payloadcms/db-postgres).',
    )
  }
  const table = sql.identifier(adapter.tableNameMap.get('payload_jobs') ?? 'payload_jobs')
  // Payload writes updated_at from the Node clock; the cutoff comes from the same clock.
  const now = new Date()
  const cutoff = new Date(now.getTime() - stalledAfterMs)
  const gaveUp = JSON.stringify({
    message: `The worker running this job stopped responding ${maxAttempts} times; not retried again.`,
  })
  const { rows } = await adapter.drizzle.execute(sql`
    update ${table}
       set processing = false,
           total_tried = coalesce(total_tried, 0) + 1,
           has_error = coalesce(total_tried, 0) + 1 >= ${maxAttempts},
           error = case when coalesce(total_tried, 0) + 1 >= ${maxAttempts}
                        then ${gaveUp}::jsonb else error end,
           updated_at = ${now.toISOString()}
     where processing = true
       and completed_at is null
       and queue = ${queue}
       and updated_at < ${cutoff.toISOString()}
     returning id`)
  const ids = (rows as Array<{ id: number | string }>).map((row) => row.id)
  if (ids.length) {
    payload.logger.warn(
      { jobs: ids, queue },
      `Released ${ids.length} job(s) whose worker stopped while running them; they run again.`,
    )
  }
  return ids
}

export type JobsWorkerOptions = {
  payload: Payload
  queue?: string
  /** Jobs taken per round. */
  limit?: number
  /** The pause between rounds that found nothing to do. */
  pollMs?: number
  /** See releaseStalledJobs. */
  stalledAfterMs: number
  /** Aborting lets the current round finish, then resolves. */
  signal?: AbortSignal
}

/**
 * A jobs worker for the storefront queue: Payload's own scheduler and runner
 * (`payload.jobs.handleSchedules`, `payload.jobs.run`) in a loop, with the one thing Payload's
 * `jobs:run --cron` lacks, the release of jobs a dead worker left claimed. Run as many as you like on one database: a job two workers both take (Payload's claim
 * is a read then a write, not atomic) is sent once thanks to the tasks' idempotency.
 */
export async function runJobsWorker({
  payload,
  queue = STOREFRONT_QUEUE,
  limit = 20,
  pollMs = 1000,
  stalledAfterMs,
  signal,
}: JobsWorkerOptions): Promise<void> {
  while (!signal?.aborted) {
    let worked = false
    try {
      await releaseStalledJobs({ payload, queue, stalledAfterMs })
      // Queues the scheduled tasks that are due (the reconciliation sweep), as autoRun does.
      await payload.jobs.handleSchedules({ queue })
      const result = await payload.jobs.run({ queue, limit, silent: true })
      worked = !result.noJobsRemaining
    } catch (error) {
      // A database restart or a network blip: log it and try again next round.
      payload.logger.error({ err: error }, 'The jobs worker failed a round; retrying.')
    }
    if (!worked) await sleep(pollMs, undefined, { signal }).catch(() => {})
  }
}
