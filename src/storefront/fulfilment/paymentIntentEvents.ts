import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { EventResult, PurchaseDoc, PurchaseStatus } from './types'

import { PURCHASES_SLUG } from '../constants'
import { inDurableTransaction, lockKeys } from '../database/transactions'
import { findDeferredEvents, updateLedgerEntry } from './ledger'
import { findPurchase, transitionPurchase } from './purchases'

/** The Stripe events that move the purchase a payment intent paid for, and how. */
export const PAYMENT_INTENT_MOVES = {
  // A refund ends access, also during a dispute.
  'charge.refunded': { to: 'refunded', from: ['paid', 'pending', 'disputed'] },
  'charge.dispute.created': { to: 'disputed', from: ['paid', 'pending'] },
  // Only a dispute the shop won (or an inquiry closed without a chargeback) gives access back.
  'charge.dispute.closed': { to: 'paid', from: ['disputed'] },
  // The issuer warns of fraud: access ends at once, before any dispute (Stripe's advice).
  'radar.early_fraud_warning.created': { to: 'revoked', from: ['paid', 'pending'] },
} as const satisfies Record<string, { to: PurchaseStatus; from: readonly PurchaseStatus[] }>

export type PaymentIntentEventType = keyof typeof PAYMENT_INTENT_MOVES

/** The lock a payment intent's events and its purchase's creation share. */
export const paymentIntentLockKey = (paymentIntentId: string) => `payment-intent:${paymentIntentId}`

/**
 * Applies a refund or dispute event to the purchase its payment intent paid for, and stores the
 * outcome (`record`) in the same transaction. When Stripe delivers it before the checkout's
 * completion, no purchase exists yet: the event is recorded `deferred` against the payment intent
 * and applied by {@link applyDeferredEvents} when fulfilment creates the purchase. Both take the
 * payment intent's lock, so an event and the purchase's creation never miss each other.
 */
export function applyPaymentIntentEvent(args: {
  payload: Payload
  type: PaymentIntentEventType
  paymentIntentId: string
  record: (req: PayloadRequest, result: EventResult) => Promise<void>
  /** Why the status changed, kept on the purchase (`statusReason`) for support. */
  reason?: string
}): Promise<EventResult> {
  const { payload, type, paymentIntentId, record, reason } = args
  return inDurableTransaction(payload, async (req) => {
    await lockKeys(req, paymentIntentLockKey(paymentIntentId))
    const purchase = await findPurchase({
      payload,
      where: { stripePaymentIntentId: { equals: paymentIntentId } },
      req,
    })
    const result: EventResult = purchase
      ? await move(req, purchase, type, reason)
      : {
          outcome: 'deferred',
          note: `no purchase for payment intent ${paymentIntentId} yet; applied when it is created`,
          paymentIntentId,
        }
    await record(req, { ...result, paymentIntentId })
    return result
  })
}

/** The reason a deferred event leaves on its purchase, when it carried one. */
const DEFERRED_REASONS: Partial<Record<PaymentIntentEventType, string>> = {
  'radar.early_fraud_warning.created':
    'Stripe early fraud warning (received before the purchase was created)',
}

async function move(
  req: PayloadRequest,
  purchase: PurchaseDoc,
  type: PaymentIntentEventType,
  reason?: string,
): Promise<EventResult> {
  const { to, from } = PAYMENT_INTENT_MOVES[type]
  const { changed, previous } = await transitionPurchase(req, { purchaseId: purchase.id, to, from })
  if (changed && reason) {
    await req.payload.update({
      collection: PURCHASES_SLUG as CollectionSlug,
      id: purchase.id,
      data: { statusReason: reason.slice(0, 500) } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  return {
    outcome: 'processed',
    note: changed ? `purchase ${previous} → ${to}` : `purchase stays ${previous}`,
    purchaseId: purchase.id,
  }
}

/**
 * Applies, oldest first, the refunds and disputes that arrived before this purchase existed.
 * Called by fulfilment inside the transaction that creates the purchase, holding the payment
 * intent's lock.
 */
export async function applyDeferredEvents(
  req: PayloadRequest,
  purchase: PurchaseDoc,
): Promise<void> {
  const paymentIntentId = purchase.stripePaymentIntentId
  if (!paymentIntentId) return
  for (const entry of await findDeferredEvents(req, paymentIntentId)) {
    if (!(entry.type in PAYMENT_INTENT_MOVES)) continue
    const type = entry.type as PaymentIntentEventType
    const result = await move(req, purchase, type, DEFERRED_REASONS[type])
    await updateLedgerEntry({
      payload: req.payload,
      id: entry.id,
      result: { ...result, note: `${result.note} (applied when the purchase was created)` },
      req,
    })
  }
}
