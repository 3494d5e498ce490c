import type Stripe from 'stripe'

import { APPLY_STRIPE_EVENT_TASK, STOREFRONT_QUEUE } from 'payload-plugin-storefront'
import StripeSDK from 'stripe'

import { TEST_WEBHOOK_SECRET } from '../setup/TEST_WEBHOOK_SECRET'
import { rest } from './api'
import { getTestPayload } from './getTestPayload'

/** A real Stripe-Signature header for `payload`, made by the SDK (never a mocked verifier). */
export function signature(
  payload: string,
  { secret = TEST_WEBHOOK_SECRET, timestamp }: { secret?: string; timestamp?: number } = {},
): string {
  return StripeSDK.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}

/**
 * Delivers an event to POST /api/stripe/webhook the way Stripe does (raw JSON body plus
 * signature), then, as the app's job runner would a moment later, runs the queued jobs that apply
 * Stripe events (`{ apply: false }` leaves them queued). Receipts and other jobs stay queued.
 */
export async function deliver(
  event: Stripe.Event,
  options: { secret?: string; timestamp?: number; apply?: boolean } = {},
): Promise<Response> {
  const body = JSON.stringify(event)
  const response = await rest('POST', '/stripe/webhook', {
    rawBody: body,
    headers: { 'Stripe-Signature': signature(body, options) },
  })
  if (response.ok && options.apply !== false) await applyQueuedStripeEvents()
  return response
}

let running: Promise<unknown> = Promise.resolve()

/**
 * Runs the queued jobs that apply recorded Stripe events and are due now. One run at a time, as
 * the app's every-second runner does: Payload's claim on a job is not atomic, and two runs in one
 * process that take the same job crash inside Payload when one deletes it on completion.
 */
export function applyQueuedStripeEvents(): Promise<void> {
  const run = running.then(async () => {
    const payload = await getTestPayload()
    await payload.jobs.run({
      queue: STOREFRONT_QUEUE,
      where: { taskSlug: { equals: APPLY_STRIPE_EVENT_TASK } },
      limit: 100,
      silent: true,
    })
  })
  running = run.catch(() => {})
  return run
}

/** The jobs applying this event that have not completed (waiting, or due for a retry). */
export async function waitingApplicationsOf(
  eventId: string,
): Promise<Array<{ id: number | string; totalTried?: null | number; waitUntil?: null | string }>> {
  const payload = await getTestPayload()
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: APPLY_STRIPE_EVENT_TASK } }, { completedAt: { exists: false } }],
    },
    pagination: false,
    depth: 0,
  })
  return docs.filter(
    (job) => (job.input as { event?: { id?: string } } | null)?.event?.id === eventId,
  )
}
