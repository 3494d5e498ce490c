import type { TaskConfig } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { APPLY_STRIPE_EVENT_TASK, STRIPE_EVENT_RETRIES } from '../constants'
import { applyQueuedStripeEvent } from '../operations/processStripeEvent'

/**
 * Applies a Stripe event the webhook recorded (`acceptStripeEvent`): the purchase it creates or
 * changes and the event's ledger outcome are stored in one transaction. A failure is retried
 * with backoff; once the retries are spent, the reconciliation sweep applies the event again.
 */
export function createApplyStripeEventTask(options: ResolvedStorefrontOptions): TaskConfig {
  return {
    slug: APPLY_STRIPE_EVENT_TASK as TaskConfig['slug'],
    label: 'Apply a Stripe event',
    inputSchema: [
      { name: 'ledgerId', type: 'json', required: true },
      { name: 'event', type: 'json', required: true },
    ],
    retries: STRIPE_EVENT_RETRIES,
    handler: async ({ input, req }) => {
      const { ledgerId, event } = input as { ledgerId: number | string; event: unknown }
      const outcome = await applyQueuedStripeEvent({
        payload: req.payload,
        options,
        ledgerId,
        event,
      })
      return { output: { outcome } }
    },
  } as TaskConfig
}
