import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { EventResult, PurchaseStatus } from './types'

import { paymentIntentIdOf } from '../stripe/checkoutSessions'
import { fulfil } from './fulfil'
import { findPurchase, transitionPurchase } from './purchases'

type Context = { payload: Payload; usersSlug: string }

async function onSession(
  event: Stripe.Event,
  { payload, usersSlug }: Context,
  failed = false,
): Promise<EventResult> {
  const session = event.data.object as Stripe.Checkout.Session
  const { purchase, created } = await fulfil({
    payload,
    session,
    usersSlug,
    statusOverride: failed ? 'failed' : undefined,
  })
  return {
    outcome: 'processed',
    note: `${created ? 'created' : 'found'} purchase, status ${purchase.status}`,
    purchaseId: purchase.id,
  }
}

/** Moves the purchase paid for by this payment intent; unknown intents are not ours to act on. */
async function onPaymentIntent(
  { payload }: Context,
  move: { intent: null | string; to: PurchaseStatus; from: readonly PurchaseStatus[] },
): Promise<EventResult> {
  const { intent, to, from } = move
  const purchase = intent
    ? await findPurchase(payload, { stripePaymentIntentId: { equals: intent } })
    : null
  if (!purchase)
    return { outcome: 'ignored', note: `no purchase for payment intent ${intent ?? '(none)'}` }
  const { changed } = await transitionPurchase(payload, { purchase, to, from })
  return {
    outcome: 'processed',
    note: changed ? `purchase ${purchase.status} → ${to}` : `purchase stays ${purchase.status}`,
    purchaseId: purchase.id,
  }
}

/**
 * What each Stripe event does to purchases. Event handling is domain logic, so it lives here,
 * not in the webhook endpoint. Every branch is safe to run twice.
 */
export async function handleStripeEvent(
  event: Stripe.Event,
  context: Context,
): Promise<EventResult> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return onSession(event, context)
    case 'checkout.session.async_payment_failed':
      return onSession(event, context, true)
    case 'charge.refunded': {
      const charge = event.data.object
      // A partial refund leaves the download available; only a full refund ends access.
      if (!charge.refunded) {
        return {
          outcome: 'ignored',
          note: `partial refund (${charge.amount_refunded} of ${charge.amount})`,
        }
      }
      return onPaymentIntent(context, {
        intent: paymentIntentIdOf(charge.payment_intent),
        to: 'refunded',
        from: ['paid', 'pending', 'disputed'],
      })
    }
    case 'charge.dispute.created':
      return onPaymentIntent(context, {
        intent: paymentIntentIdOf(event.data.object.payment_intent),
        to: 'disputed',
        from: ['paid', 'pending'],
      })
    case 'charge.dispute.closed': {
      const dispute = event.data.object
      // Won, or an inquiry closed without a chargeback (warning_closed): the money stayed, access returns.
      if (dispute.status !== 'won' && dispute.status !== 'warning_closed') {
        return {
          outcome: 'ignored',
          note: `dispute closed as ${dispute.status}; access stays ended`,
        }
      }
      return onPaymentIntent(context, {
        intent: paymentIntentIdOf(dispute.payment_intent),
        to: 'paid',
        from: ['disputed'],
      })
    }
    default:
      return { outcome: 'ignored', note: `event type ${event.type} is not used by the shop` }
  }
}
