import type { CollectionSlug, Payload } from 'payload'
import type Stripe from 'stripe'

import type { PurchaseDoc, PurchaseStatus } from './types'

import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'
import { isUniqueViolation, StorefrontError } from '../errors'
import { paymentIntentIdOf } from '../stripe/checkoutSessions'
import { findPurchase, transitionPurchase } from './purchases'

export type FulfilResult = { purchase: PurchaseDoc; created: boolean }

/**
 * userId and productSlug, which POST /api/checkout put on every session it created.
 * @throws StorefrontError 400: a session this shop cannot attribute (retrying cannot fix it)
 */
export function readSessionMetadata(session: Stripe.Checkout.Session) {
  const userId = session.metadata?.userId
  const productSlug = session.metadata?.productSlug
  if (!userId) {
    throw new StorefrontError(
      `Checkout session ${session.id} has no userId in its metadata, so it cannot be attributed to a shopper.`,
      400,
    )
  }
  if (!productSlug) {
    throw new StorefrontError(
      `Checkout session ${session.id} has no productSlug in its metadata, so the shop cannot tell what was bought.`,
      400,
    )
  }
  return { userId, productSlug }
}

/** A completed session is paid, or pending while an asynchronous method (bank debit) settles. */
export function purchaseStatusForSession(session: Stripe.Checkout.Session): PurchaseStatus {
  return session.payment_status === 'unpaid' ? 'pending' : 'paid'
}

/**
 * The one way a completed checkout session becomes a purchase, used by the webhook and by the
 * success page. Idempotent: the UNIQUE stripeSessionId means concurrent callers end with one row,
 * and the loser of the race returns the winner's row. A pending purchase whose session is now paid
 * moves to paid (its hook then queues the receipt).
 */
export async function fulfil(args: {
  payload: Payload
  session: Stripe.Checkout.Session
  usersSlug: string
  /** The status to record instead of the session's own (async payment failed). */
  statusOverride?: PurchaseStatus
}): Promise<FulfilResult> {
  const { payload, session, usersSlug } = args
  const { userId, productSlug } = readSessionMetadata(session)
  const status = args.statusOverride ?? purchaseStatusForSession(session)

  const existing = await findPurchase(payload, { stripeSessionId: { equals: session.id } })
  if (existing) return { purchase: await settle(payload, existing, status), created: false }

  const user = await payload.findByID({
    collection: usersSlug as CollectionSlug,
    id: userId,
    depth: 0,
    disableErrors: true,
  })
  if (!user) {
    throw new StorefrontError(
      `Checkout session ${session.id} names user ${userId}, who does not exist in this shop.`,
      400,
    )
  }
  const { docs: products } = await payload.find({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { slug: { equals: productSlug } },
    limit: 1,
    depth: 0,
  })

  try {
    const purchase = await payload.create({
      collection: PURCHASES_SLUG as CollectionSlug,
      data: {
        user: user.id,
        customerEmail:
          session.customer_details?.email ??
          session.customer_email ??
          (user as { email?: string }).email,
        product: products[0]?.id ?? null,
        productSlug,
        stripeSessionId: session.id,
        stripePaymentIntentId: paymentIntentIdOf(session.payment_intent),
        amountCents: session.amount_total ?? 0,
        currency: session.currency ?? 'usd',
        status,
        source: 'stripe',
        paidAt: status === 'paid' ? new Date().toISOString() : null,
      },
      depth: 0,
      overrideAccess: true,
    })
    return { purchase: purchase as unknown as PurchaseDoc, created: true }
  } catch (error) {
    if (!isUniqueViolation(error, 'stripeSessionId')) throw error
    // Another delivery (or the success page) created it first: theirs is the purchase.
    const winner = await findPurchase(payload, { stripeSessionId: { equals: session.id } })
    if (!winner) throw error
    return { purchase: await settle(payload, winner, status), created: false }
  }
}

/** Only the pending → paid/failed step is taken from a re-read session; later states come from their own events. */
async function settle(payload: Payload, purchase: PurchaseDoc, status: PurchaseStatus) {
  if (status === 'pending') return purchase
  const result = await transitionPurchase(payload, { purchase, to: status, from: ['pending'] })
  return result.purchase
}
