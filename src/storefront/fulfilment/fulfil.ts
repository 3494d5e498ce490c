import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { StripeKeys } from '../stripe/client'
import type { RetrievedCheckoutSession } from './stripeEventSchemas'
import type { PurchaseDoc, PurchaseStatus } from './types'

import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'
import { inDurableTransaction, lockKeys } from '../database/transactions'
import { StorefrontError } from '../errors'
import {
  isMissingStripeObject,
  paymentIntentIdOf,
  retrieveCheckoutSession,
  stripeProductOfPrice,
} from '../stripe/checkoutSessions'
import { applyDeferredEvents, paymentIntentLockKey } from './paymentIntentEvents'
import { findPurchase, transitionPurchase } from './purchases'
import { describeIssue, readSessionMetadata, retrievedCheckoutSession } from './stripeEventSchemas'

export type FulfilResult =
  | { kind: 'fulfilled'; purchase: PurchaseDoc; created: boolean }
  /** Stripe did not sell this product in this session: nothing was granted. */
  | { kind: 'rejected'; reason: string }

/** What the shop sells under a product slug, as fulfilment compares it with Stripe's session. */
export type ProductOnSale = {
  slug: string
  stripePriceId: string
  currency: string
  /** The Stripe product of `stripePriceId`, when a session's price differs and it was looked up. */
  stripeProductId?: null | string
}

const productIdOf = (value: string | { id: string }) =>
  typeof value === 'string' ? value : value.id

/**
 * Why this session does not sell `product` the way the shop sells it, or null when it does.
 * Follows Stripe's fulfilment guide: a one-time payment, complete, paid (or unpaid while a bank
 * payment settles), exactly one unit of the product's price (or another price of the same Stripe
 * product, so a checkout started before an editor changed the price still counts), in the
 * product's currency.
 */
export function explainSessionMismatch(
  session: RetrievedCheckoutSession,
  product: ProductOnSale,
): null | string {
  if (session.mode !== 'payment') {
    return `it is a ${session.mode} session; the shop sells one-time payments only`
  }
  if (session.status !== 'complete') return `it is ${session.status ?? 'unfinished'}, not complete`
  if (session.payment_status !== 'paid' && session.payment_status !== 'unpaid') {
    return `its payment status is ${session.payment_status}; only a paid (or settling) payment grants a purchase`
  }
  const items = session.line_items?.data ?? []
  if (items.length !== 1 || items[0].quantity !== 1 || !items[0].price) {
    return `it sells ${items.length} line items; the shop's sessions sell exactly one unit of one price`
  }
  const price = items[0].price
  const samePrice = price.id === product.stripePriceId
  const sameProduct =
    Boolean(product.stripeProductId) && productIdOf(price.product) === product.stripeProductId
  if (!samePrice && !sameProduct) {
    return `it charges price ${price.id}, which is not the price of "${product.slug}" (${product.stripePriceId}) nor another price of its Stripe product`
  }
  if (session.currency !== product.currency) {
    return `it charged in ${String(session.currency).toUpperCase()} but "${product.slug}" is sold in ${product.currency.toUpperCase()}`
  }
  return null
}

/** A completed session is paid, or pending while an asynchronous method (bank debit) settles. */
export function purchaseStatusForSession(
  session: RetrievedCheckoutSession,
  failed: boolean,
): PurchaseStatus {
  if (session.payment_status === 'paid') return 'paid'
  return failed ? 'failed' : 'pending'
}

export type FulfilArgs = {
  payload: Payload
  stripe: StripeKeys
  sessionId: string
  usersSlug: string
  /** Stripe said the asynchronous payment failed (the session stays unpaid). */
  asyncPaymentFailed?: boolean
  /** The success page: fulfil only for the signed-in shopper the session belongs to. */
  shopperId?: number | string
  /**
   * Stored in the same transaction as the purchase (the webhook's ledger outcome), so one is
   * stored exactly when the other is.
   */
  alongside?: (req: PayloadRequest, result: FulfilResult) => Promise<void>
}

/**
 * The one way a completed checkout session becomes a purchase, used by the webhook and by the
 * success page. Asks Stripe for the session (never trusting the event body or the URL), checks
 * that it sold this product, then creates the purchase or settles a pending one, in one
 * transaction whose COMMIT is checked. Idempotent: concurrent callers for one session are
 * serialised by a lock on it and end with one row.
 * @throws StorefrontError 400 when the session cannot be attributed (metadata, unknown user);
 *   any other error when Stripe or the database failed (the caller answers 5xx; nothing stored)
 */
export async function fulfil(args: FulfilArgs): Promise<FulfilResult> {
  const { payload, sessionId, usersSlug, alongside } = args
  const reject = async (reason: string): Promise<FulfilResult> => {
    const result: FulfilResult = { kind: 'rejected', reason: `Session ${sessionId}: ${reason}.` }
    if (alongside) await inDurableTransaction(payload, (req) => alongside(req, result))
    return result
  }

  let retrieved: unknown
  try {
    retrieved = await retrieveCheckoutSession(args.stripe, sessionId)
  } catch (error) {
    if (isMissingStripeObject(error)) return reject('Stripe has no such checkout session')
    throw error
  }
  const parsed = retrievedCheckoutSession.safeParse(retrieved)
  if (!parsed.success) {
    return reject(
      `Stripe's answer is not a checkout session the shop can read (${describeIssue(parsed.error)})`,
    )
  }
  const session = parsed.data
  if (args.shopperId !== undefined && session.metadata?.userId !== String(args.shopperId)) {
    return reject('it belongs to another shopper')
  }
  const { userId, productSlug } = readSessionMetadata(session)
  const product = await findProductOnSale(payload, productSlug)
  if (!product) return reject(`it names product "${productSlug}", which this shop does not sell`)
  const firstPrice = session.line_items?.data[0]?.price
  if (firstPrice && firstPrice.id !== product.stripePriceId) {
    product.stripeProductId = await stripeProductOfPrice(args.stripe, product.stripePriceId).catch(
      (error: unknown) => {
        if (isMissingStripeObject(error)) return null // the product's own price is gone from Stripe
        throw error
      },
    )
  }
  const mismatch = explainSessionMismatch(session, product)
  if (mismatch) return reject(mismatch)

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
  const status = purchaseStatusForSession(session, Boolean(args.asyncPaymentFailed))
  const paymentIntentId = paymentIntentIdOf(session.payment_intent)

  return inDurableTransaction(payload, async (req) => {
    await lockKeys(
      req,
      `checkout-session:${session.id}`,
      ...(paymentIntentId ? [paymentIntentLockKey(paymentIntentId)] : []),
    )
    let result: FulfilResult
    const existing = await findPurchase({
      payload,
      where: { stripeSessionId: { equals: session.id } },
      req,
    })
    if (existing) {
      // Only the pending → paid/failed step is taken from a re-read session; later states come
      // from their own events.
      const settled =
        status === 'pending'
          ? { purchase: existing }
          : await transitionPurchase(req, {
              purchaseId: existing.id,
              to: status,
              from: ['pending'],
            })
      result = { kind: 'fulfilled', purchase: settled.purchase, created: false }
    } else {
      const created = (await payload.create({
        collection: PURCHASES_SLUG as CollectionSlug,
        data: {
          user: user.id,
          customerEmail:
            session.customer_details?.email ??
            session.customer_email ??
            (user as { email?: string }).email,
          product: product.id as number,
          productSlug,
          stripeSessionId: session.id,
          stripePaymentIntentId: paymentIntentId,
          amountCents: session.amount_total ?? 0,
          currency: product.currency,
          status,
          source: 'stripe',
          paidAt: status === 'paid' ? new Date().toISOString() : null,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as PurchaseDoc
      await applyDeferredEvents(req, created)
      const purchase =
        (await findPurchase({ payload, where: { id: { equals: created.id } }, req })) ?? created
      result = { kind: 'fulfilled', purchase, created: true }
    }
    await alongside?.(req, result)
    return result
  })
}

/** The product behind a slug, as fulfilment checks sessions against it; null when not sold. */
async function findProductOnSale(
  payload: Payload,
  slug: string,
): Promise<(ProductOnSale & { id: number | string }) | null> {
  const { docs } = await payload.find({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  })
  const product = docs[0] as
    | { id: number | string; slug: string; stripePriceId?: null | string; currency: string }
    | undefined
  if (!product?.stripePriceId) return null
  return {
    id: product.id,
    slug: product.slug,
    stripePriceId: product.stripePriceId,
    currency: product.currency,
  }
}
