import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { newStripeId, stripeFixture } from './stripeObjects'
import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer']

function formatDollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`
}

function findCharge({ state }: EmulatorContext, params: StripeParams): Stripe.Charge {
  const chargeId = readParam.string(params.charge, 'charge')
  const paymentIntentId = readParam.string(params.payment_intent, 'payment_intent')
  if (!chargeId && !paymentIntentId) {
    throw StripeApiError.parameterMissing(
      'charge',
      'One of the following params should be provided for this request: payment_intent or charge.',
    )
  }
  if (chargeId) {
    const charge = state.charges.get(chargeId)
    if (!charge)
      throw StripeApiError.resourceMissing({ objectName: 'charge', id: chargeId, param: 'charge' })
    return charge
  }
  const paymentIntent = state.paymentIntents.get(paymentIntentId!)
  if (!paymentIntent)
    throw StripeApiError.resourceMissing({
      objectName: 'payment_intent',
      id: paymentIntentId!,
      param: 'payment_intent',
    })
  const charge =
    typeof paymentIntent.latest_charge === 'string'
      ? state.charges.get(paymentIntent.latest_charge)
      : undefined
  if (!charge || paymentIntent.status !== 'succeeded') {
    throw StripeApiError.invalid({
      param: 'payment_intent',
      message: 'This PaymentIntent does not have a successful charge to refund.',
    })
  }
  return charge
}

/**
 * `POST /v1/refunds`: refunds a charge (found directly or through its PaymentIntent), fully by
 * default, and fires `charge.refunded` with the updated charge and `refund.created`, as Stripe does.
 */
export function createRefund(
  context: EmulatorContext,
  { params, request }: { params: StripeParams; request: ApiRequestInfo },
): Stripe.Refund {
  const charge = findCharge(context, params)
  if (charge.status !== 'succeeded')
    throw StripeApiError.invalid({
      param: 'charge',
      message: `Charge ${charge.id} has not succeeded and cannot be refunded.`,
    })
  if (charge.disputed)
    throw StripeApiError.invalid({
      param: 'charge',
      message: `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      code: 'charge_disputed',
    })
  if (charge.refunded)
    throw StripeApiError.invalid({
      param: 'charge',
      message: `Charge ${charge.id} has already been refunded.`,
      code: 'charge_already_refunded',
    })
  const remaining = charge.amount - charge.amount_refunded
  const amount = readParam.integer(params.amount, { param: 'amount', min: 1 }) ?? remaining
  if (amount > remaining) {
    throw StripeApiError.invalid({
      param: 'amount',
      message: `Refund amount (${formatDollars(amount)}) is greater than unrefunded amount on charge (${formatDollars(remaining)})`,
      code: 'amount_too_large',
    })
  }
  const reason = readParam.string(params.reason, 'reason')
  if (reason && !REASONS.includes(reason))
    throw StripeApiError.invalidParameter({
      param: 'reason',
      message: `Invalid reason: must be one of ${REASONS.join(', ')}`,
    })

  const refund: Stripe.Refund = {
    ...stripeFixture('refund'),
    id: newStripeId('re'),
    object: 'refund',
    amount,
    balance_transaction: newStripeId('txn'),
    charge: charge.id,
    created: Math.floor(Date.now() / 1000),
    currency: charge.currency,
    metadata: readParam.metadata(params.metadata, 'metadata'),
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method: charge.payment_method,
    reason: (reason as Stripe.Refund.Reason | undefined) ?? null,
    status: 'succeeded',
  }
  context.state.refunds.set(refund.id, refund)
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded === charge.amount
  charge.refunds?.data.unshift(refund)
  context.publishEvent({ type: 'charge.refunded', object: charge, request })
  context.publishEvent({ type: 'refund.created', object: refund, request })
  return refund
}
