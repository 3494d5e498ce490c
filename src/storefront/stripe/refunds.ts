import type Stripe from 'stripe'

import type { StripeKeys } from './client'

import { getStripeClient } from './client'

/**
 * Refunds a payment (all of it, or `amount` in the smallest unit). Stripe then sends
 * `charge.refunded`, and the webhook moves the purchase: a full refund ends access, a partial one
 * keeps it. The idempotency key is one staff action's, so a retried request refunds once.
 */
export function refundPayment(
  keys: StripeKeys,
  refund: {
    paymentIntentId: string
    amount?: number
    idempotencyKey: string
    purchaseId: string
    /** @default 'requested_by_customer' */
    reason?: 'fraudulent' | 'requested_by_customer'
  },
): Promise<Stripe.Refund> {
  return getStripeClient(keys).refunds.create(
    {
      payment_intent: refund.paymentIntentId,
      ...(refund.amount !== undefined ? { amount: refund.amount } : {}),
      reason: refund.reason ?? 'requested_by_customer',
      metadata: { purchaseId: refund.purchaseId },
    },
    { idempotencyKey: refund.idempotencyKey },
  )
}
