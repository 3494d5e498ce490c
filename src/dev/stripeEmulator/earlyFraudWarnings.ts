import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'

import { newStripeId } from './stripeObjects'

/** The fraud types Stripe's API reference lists for an early fraud warning. */
const FRAUD_TYPES = [
  'card_never_received',
  'fraudulent_card_application',
  'made_with_counterfeit_card',
  'made_with_lost_card',
  'made_with_stolen_card',
  'misc',
  'unauthorized_use_of_card',
]

/**
 * An issuer's early fraud warning on a charge, as Radar reports it: the shop hears
 * `radar.early_fraud_warning.created`. Shaped on the object in Stripe's API reference (the
 * fixtures subset has none): `actionable` is true while the charge is neither refunded nor
 * disputed. Accepts a charge id or a PaymentIntent id, since the shop stores the latter.
 */
export function createEarlyFraudWarning(
  context: EmulatorContext,
  {
    chargeOrPaymentIntentId,
    fraudType = 'made_with_stolen_card',
  }: { chargeOrPaymentIntentId: string; fraudType?: string },
): Stripe.Radar.EarlyFraudWarning {
  const { state } = context
  const paymentIntent = state.paymentIntents.get(chargeOrPaymentIntentId)
  const chargeId = paymentIntent ? paymentIntent.latest_charge : chargeOrPaymentIntentId
  const charge = typeof chargeId === 'string' ? state.charges.get(chargeId) : undefined
  if (!charge) throw new Error(`No such charge or payment intent: '${chargeOrPaymentIntentId}'`)
  if (!FRAUD_TYPES.includes(fraudType))
    throw new Error(`fraud_type must be one of ${FRAUD_TYPES.join(', ')}`)
  const warning: Stripe.Radar.EarlyFraudWarning = {
    id: newStripeId('issfr'),
    object: 'radar.early_fraud_warning',
    actionable: !charge.refunded && !charge.disputed,
    charge: charge.id,
    created: Math.floor(Date.now() / 1000),
    fraud_type: fraudType,
    livemode: false,
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : undefined,
  }
  state.earlyFraudWarnings.set(warning.id, warning)
  context.publishEvent({ type: 'radar.early_fraud_warning.created', object: warning })
  return warning
}
