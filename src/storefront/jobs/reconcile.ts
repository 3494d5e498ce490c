import type { TaskConfig } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { RECONCILE_TASK, STOREFRONT_QUEUE } from '../constants'
import { reconcile } from '../reconciliation/sweep'

/** The schedule's cron when `everyMinutes` is false: present so the schema never changes, never used. */
const UNUSED_CRON = '*/15 * * * *'

/**
 * The scheduled reconciliation sweep, a task on the storefront queue. Payload's scheduler queues
 * it on `reconciliation.everyMinutes` (whoever runs the queue handles schedules: `jobsAutoRunCron`
 * or `npm run worker`) and never queues a second one while one is waiting or running. The
 * schedule is always declared, so the database schema (Payload's `payload-jobs-stats` global)
 * does not depend on the option; with no schedule, or the plugin disabled, it never fires.
 */
export function createReconcileTask(options: ResolvedStorefrontOptions): TaskConfig {
  const cron = options.reconciliation.cron
  return {
    slug: RECONCILE_TASK as TaskConfig['slug'],
    label: 'Reconcile with Stripe',
    // A failed sweep is not retried: the next scheduled one covers the same window.
    retries: 0,
    schedule: [
      {
        cron: cron ?? UNUSED_CRON,
        queue: STOREFRONT_QUEUE,
        hooks: {
          beforeSchedule: async (args) =>
            cron && !options.disabled
              ? args.defaultBeforeSchedule(args)
              : { shouldSchedule: false },
        },
      },
    ],
    handler: async ({ req }) => {
      const run = await reconcile({ payload: req.payload, options, trigger: 'schedule' })
      return {
        output: {
          runId: String(run.id),
          status: run.status,
          purchasesRepaired: run.purchasesRepaired ?? 0,
        },
      }
    },
  } as TaskConfig
}
