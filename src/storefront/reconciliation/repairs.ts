import type { CollectionSlug, Payload } from 'payload'
import type Stripe from 'stripe'

import type { PurchaseDoc } from '../fulfilment/types'
import type { StripeKeys } from '../stripe/client'
import type { ResolvedStorefrontOptions } from '../types'

import { PURCHASES_SLUG, STRIPE_EVENTS_SLUG } from '../constants'
import { isRefusal } from '../errors'
import { fulfil } from '../fulfilment/fulfil'
import { shortReason } from '../fulfilment/ledger'
import { reprocessStripeEvent } from '../operations/reprocessStripeEvent'
import { asyncPaymentFailed, paymentIntentIdOf } from '../stripe/checkoutSessions'

/** What one sweep did, written on its run. */
export type SweepTally = {
  sessionsSeen: number
  repairs: Array<{
    kind: 'event_applied' | 'purchase_created' | 'purchase_settled'
    ref: string
    purchase?: number | string
    note: string
  }>
  problems: Array<{ ref: string; kind: 'error' | 'skipped'; message: string }>
}

/** The most pending purchases and failed events one sweep retries; the next sweep takes the rest. */
const RETRY_BATCH = 100

/** A session this shop created: POST /api/checkout puts both on every one. */
const isShopSession = (session: Stripe.Checkout.Session) =>
  Boolean(session.metadata?.userId && session.metadata?.productSlug)

/**
 * Runs the webhook's own fulfilment for one session, with the bounced-bank-debit case read from
 * the payment intent (an event would have said so; a sweep has to ask).
 */
async function fulfilSession(
  context: { payload: Payload; keys: StripeKeys; options: ResolvedStorefrontOptions },
  session: { id: string; paymentStatus: string; paymentIntentId: null | string },
) {
  const failed =
    session.paymentStatus === 'unpaid' &&
    (await asyncPaymentFailed(context.keys, session.paymentIntentId))
  return fulfil({
    payload: context.payload,
    stripe: context.keys,
    sessionId: session.id,
    usersSlug: context.options.usersSlug,
    asyncPaymentFailed: failed,
  })
}

function noteProblem(tally: SweepTally, ref: string, error: unknown): void {
  tally.problems.push(
    isRefusal(error)
      ? { ref, kind: 'skipped', message: error.message.slice(0, 500) }
      : { ref, kind: 'error', message: shortReason(error) },
  )
}

/**
 * One page of completed sessions: the shop's sessions that have no purchase go through
 * `fulfil`, exactly as their lost `checkout.session.completed` would have.
 */
export async function repairSessionPage(
  context: { payload: Payload; keys: StripeKeys; options: ResolvedStorefrontOptions },
  sessions: Stripe.Checkout.Session[],
  tally: SweepTally,
): Promise<void> {
  tally.sessionsSeen += sessions.length
  const ours = sessions.filter(isShopSession)
  if (!ours.length) return
  const { docs } = await context.payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { stripeSessionId: { in: ours.map((session) => session.id) } },
    pagination: false,
    depth: 0,
    select: { stripeSessionId: true } as never,
  })
  const known = new Set(docs.map((doc) => (doc as unknown as PurchaseDoc).stripeSessionId))
  for (const session of ours) {
    if (known.has(session.id)) continue
    try {
      const result = await fulfilSession(context, {
        id: session.id,
        paymentStatus: session.payment_status,
        paymentIntentId: paymentIntentIdOf(session.payment_intent),
      })
      if (result.kind === 'rejected') {
        tally.problems.push({ ref: session.id, kind: 'skipped', message: result.reason })
      } else if (result.created) {
        tally.repairs.push({
          kind: 'purchase_created',
          ref: session.id,
          purchase: result.purchase.id,
          note: `purchase created, status ${result.purchase.status}`,
        })
      }
    } catch (error) {
      context.payload.logger.error({ err: error, sessionId: session.id }, 'Sweep: fulfil failed.')
      noteProblem(tally, session.id, error)
    }
  }
}

/**
 * Pending purchases (bank debits) whose settlement event was lost: `fulfil` reads the session
 * again and moves them to paid or failed.
 */
export async function settlePendingPurchases(
  context: { payload: Payload; keys: StripeKeys; options: ResolvedStorefrontOptions },
  tally: SweepTally,
): Promise<void> {
  const { docs } = await context.payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { and: [{ status: { equals: 'pending' } }, { source: { equals: 'stripe' } }] },
    sort: 'createdAt',
    limit: RETRY_BATCH,
    depth: 0,
  })
  for (const purchase of docs as unknown as PurchaseDoc[]) {
    try {
      const result = await fulfilSession(context, {
        id: purchase.stripeSessionId,
        paymentStatus: 'unpaid',
        paymentIntentId: purchase.stripePaymentIntentId ?? null,
      })
      if (result.kind === 'fulfilled' && result.purchase.status !== 'pending') {
        tally.repairs.push({
          kind: 'purchase_settled',
          ref: purchase.stripeSessionId,
          purchase: purchase.id,
          note: `pending → ${result.purchase.status}`,
        })
      }
    } catch (error) {
      noteProblem(tally, purchase.stripeSessionId, error)
    }
  }
}

/** Ledger events stuck in `failed` (Stripe gave up retrying, or will later): fetched and applied again. */
export async function retryFailedEvents(
  context: { payload: Payload; options: ResolvedStorefrontOptions },
  tally: SweepTally,
): Promise<void> {
  const { docs } = await context.payload.find({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    where: { outcome: { equals: 'failed' } },
    sort: 'stripeCreatedAt',
    limit: RETRY_BATCH,
    depth: 0,
  })
  for (const entry of docs as unknown as Array<{ eventId: string; purchase?: unknown }>) {
    try {
      const { outcome } = await reprocessStripeEvent({ ...context, eventId: entry.eventId })
      tally.repairs.push({ kind: 'event_applied', ref: entry.eventId, note: `now ${outcome}` })
    } catch (error) {
      noteProblem(tally, entry.eventId, error)
    }
  }
}
