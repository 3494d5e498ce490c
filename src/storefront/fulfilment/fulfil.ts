import type { CollectionSlug, Payload } from 'payload'
import type Stripe from 'stripe'

import type { PurchaseStatus } from '../utilities/PURCHASE_STATUSES'
import type { PurchaseDoc } from './PurchaseDoc'

import { PRODUCTS_SLUG } from '../utilities/PRODUCTS_SLUG'
import { PURCHASES_SLUG } from '../utilities/PURCHASES_SLUG'
import { InvalidSessionMetadataError } from '../errors/InvalidSessionMetadataError'
import { isUniqueViolation } from '../utilities/isUniqueViolation'
import { paymentIntentIdOf } from '../utilities/paymentIntentIdOf'
import { findPurchase } from './findPurchase'
import { purchaseStatusForSession } from './purchaseStatusForSession'
import { readSessionMetadata } from './readSessionMetadata'
import { transitionPurchase } from './transitionPurchase'

export type FulfilResult = { purchase: PurchaseDoc; created: boolean }

/**
 * The one way a completed checkout session becomes a purchase, used by the webhook and by the
 * success page. Idempotent: the UNIQUE stripeSessionId means concurrent callers end with one row,
 * and the loser of the race returns the winner's row. A pending purchase whose session is now paid
 * moves to paid (its hook then queues the receipt).
 * @param statusOverride the status to record instead of the session's own (async payment failed)
 */
export async function fulfil(
  payload: Payload,
  session: Stripe.Checkout.Session,
  { usersSlug, statusOverride }: { usersSlug: string; statusOverride?: PurchaseStatus },
): Promise<FulfilResult> {
  const { userId, productSlug } = readSessionMetadata(session)
  const status = statusOverride ?? purchaseStatusForSession(session)

  const existing = await findPurchase(payload, { stripeSessionId: { equals: session.id } })
  if (existing) return { purchase: await reconcile(payload, existing, status), created: false }

  const user = await payload.findByID({
    collection: usersSlug as CollectionSlug,
    id: userId,
    depth: 0,
    disableErrors: true,
  })
  if (!user)
    throw new InvalidSessionMetadataError(
      `Checkout session ${session.id} names user ${userId}, who does not exist in this shop.`,
    )
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
    return { purchase: await reconcile(payload, winner, status), created: false }
  }
}

/** Only the pending → paid/failed step is taken from a re-read session; later states come from their own events. */
function reconcile(
  payload: Payload,
  purchase: PurchaseDoc,
  status: PurchaseStatus,
): Promise<PurchaseDoc> {
  if (status === 'pending') return Promise.resolve(purchase)
  return transitionPurchase(payload, purchase, status, ['pending']).then(
    (result) => result.purchase,
  )
}
