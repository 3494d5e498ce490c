import { setTimeout as sleep } from 'node:timers/promises'

import { APPLY_STRIPE_EVENT_TASK, RECONCILE_TASK } from 'payload-plugin-storefront'

import { getTestPayload } from './getTestPayload'

/** Runs queued storefront jobs (what autoRun does every second in the app) until `done` holds. */
export async function runJobsUntil(
  done: () => Promise<boolean>,
  { maxWaitMs = 60_000 } = {},
): Promise<void> {
  const payload = await getTestPayload()
  const deadline = Date.now() + maxWaitMs
  for (;;) {
    await payload.jobs.run({ queue: 'storefront', limit: 50, silent: true })
    if (await done()) return
    if (Date.now() > deadline) throw new Error('jobs did not reach the expected state in time')
    await sleep(200) // retries wait out their backoff
  }
}

/** Runs whatever storefront jobs are due now. */
export async function runDueJobs(): Promise<void> {
  await (await getTestPayload()).jobs.run({ queue: 'storefront', limit: 50 })
}

/**
 * Removes reconciliation sweeps the schedule queued and nobody ran (a worker process handles
 * schedules): one left waiting would sweep in the middle of another test file once it falls due.
 */
export async function clearScheduledSweeps(): Promise<void> {
  await (
    await getTestPayload()
  ).delete({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: RECONCILE_TASK } }, { completedAt: { exists: false } }] },
  })
}

/**
 * Removes the storefront jobs still waiting (of one task, or all). Test files run one after another
 * on one database: a test that starts worker processes must not see them take an earlier file's
 * leftovers instead of its own jobs, and a failed Stripe event's retry must not come due in a later
 * file (tests/setup/testEnv.ts clears those after every file).
 */
export async function clearWaitingJobs(task?: typeof APPLY_STRIPE_EVENT_TASK): Promise<void> {
  await (
    await getTestPayload()
  ).delete({
    collection: 'payload-jobs',
    where: {
      and: [
        task ? { taskSlug: { equals: task } } : { queue: { equals: 'storefront' } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
      ],
    },
  })
}
