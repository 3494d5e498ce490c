import type Stripe from 'stripe'

import { APPLY_STRIPE_EVENT_TASK } from 'payload-plugin-storefront'
import StripeSDK from 'stripe'

import { TEST_WEBHOOK_SECRET } from '../setup/TEST_WEBHOOK_SECRET'
import { setTimeout as sleep } from 'node:timers/promises'

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
 * signature), then, as the app's job runner would a moment later, runs the queued job that
 * applies it (`{ apply: false }` leaves it queued). Receipts and other jobs stay queued.
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
  if (response.ok && options.apply !== false) await runApplicationJobs(event.id)
  return response
}

type ApplicationJob = {
  id: number | string
  totalTried?: null | number
  waitUntil?: null | string
  processing?: boolean | null
}

/** The jobs applying this event that have not completed (waiting, running, or due for a retry). */
export async function waitingApplicationsOf(eventId: string): Promise<ApplicationJob[]> {
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
  ) as ApplicationJob[]
}

let running: Promise<unknown> = Promise.resolve()

/** One job run at a time in this process, as the app's every-second runner does. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = running.then(work)
  running = run.catch(() => {})
  return run
}

/**
 * Runs the queued job(s) applying this event that are due now, until none is due or running.
 * By job id: test files run in parallel against one database, so another file's runner may have
 * taken the job (then this waits for it). One run at a time in this process: Payload's claim on
 * a job is not atomic, and two runs that take the same job crash inside Payload when one deletes
 * it on completion. A job that failed waits for its retry's backoff and is left for it.
 */
export async function runApplicationJobs(eventId: string): Promise<void> {
  const payload = await getTestPayload()
  for (const deadline = Date.now() + 60_000; ;) {
    const due = (await waitingApplicationsOf(eventId)).filter(
      (job) => job.processing || !job.waitUntil || new Date(job.waitUntil).getTime() <= Date.now(),
    )
    if (due.length === 0) return
    if (Date.now() > deadline) throw new Error(`the job applying ${eventId} did not finish`)
    for (const job of due.filter((candidate) => !candidate.processing)) {
      // A runner in another process may take it at the same moment; the next look sees the result.
      await oneAtATime(() => payload.jobs.runByID({ id: job.id, silent: true })).catch(() => {})
    }
    if (due.some((job) => job.processing)) await sleep(50)
  }
}
