import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'

import { newStripeId, stripeFixture } from './stripeObjects'

/**
 * A chargeback, as the card network would open it: the charge becomes `disputed` and the shop
 * hears `charge.dispute.created`. Accepts a charge id or a PaymentIntent id, since the shop stores the latter.
 */
export function openDispute(
  context: EmulatorContext,
  {
    chargeOrPaymentIntentId,
    reason = 'fraudulent',
  }: { chargeOrPaymentIntentId: string; reason?: string },
): Stripe.Dispute {
  const { state } = context
  const paymentIntent = state.paymentIntents.get(chargeOrPaymentIntentId)
  const chargeId = paymentIntent ? paymentIntent.latest_charge : chargeOrPaymentIntentId
  const charge = typeof chargeId === 'string' ? state.charges.get(chargeId) : undefined
  if (!charge) throw new Error(`No such charge or payment intent: '${chargeOrPaymentIntentId}'`)
  if (charge.status !== 'succeeded')
    throw new Error(`Charge ${charge.id} has not succeeded, so it cannot be disputed.`)
  if (charge.disputed) throw new Error(`Charge ${charge.id} is already disputed.`)

  const fixture = stripeFixture('dispute')
  const created = Math.floor(Date.now() / 1000)
  const dispute: Stripe.Dispute = {
    ...fixture,
    id: newStripeId('dp'),
    object: 'dispute',
    amount: charge.amount - charge.amount_refunded,
    charge: charge.id,
    created,
    currency: charge.currency,
    evidence_details: {
      ...fixture.evidence_details,
      due_by: created + 7 * 24 * 60 * 60,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method_details: {
      type: 'card',
      card: {
        brand: 'visa',
        case_type: 'chargeback',
        network: 'visa',
        network_reason_code: '10.4',
      },
    },
    reason,
    status: 'needs_response',
  }
  state.disputes.set(dispute.id, dispute)
  charge.disputed = true
  context.publishEvent({ type: 'charge.dispute.created', object: dispute })
  return dispute
}

/** The network's decision on a dispute; the shop hears `charge.dispute.closed` with the outcome in `status`. */
export function closeDispute(
  context: EmulatorContext,
  { disputeId, status }: { disputeId: string; status: 'won' | 'lost' },
): Stripe.Dispute {
  const dispute = context.state.disputes.get(disputeId)
  if (!dispute) throw new Error(`No such dispute: '${disputeId}'`)
  if (dispute.status === 'won' || dispute.status === 'lost')
    throw new Error(`Dispute ${disputeId} is already closed (${dispute.status}).`)
  if (status !== 'won' && status !== 'lost')
    throw new Error(`A dispute closes as 'won' or 'lost', not '${String(status)}'.`)
  dispute.status = status
  dispute.evidence_details = {
    ...dispute.evidence_details,
    has_evidence: true,
    submission_count: 1,
    // The emulator stands for a merchant who answered the dispute by hand.
    submission_method: 'manual',
  }
  context.publishEvent({ type: 'charge.dispute.closed', object: dispute })
  return dispute
}
