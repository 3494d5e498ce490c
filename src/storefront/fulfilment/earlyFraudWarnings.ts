import type { CollectionSlug } from 'payload'

import type { EventContext } from './eventContext'
import type { StripeEventEnvelope } from './stripeEventSchemas'
import type { EventResult } from './types'

import { PURCHASES_SLUG } from '../constants'
import { isMissingStripeObject, paymentIntentIdOf } from '../stripe/checkoutSessions'
import { getStripeClient } from '../stripe/client'
import { refundPayment } from '../stripe/refunds'
import { applyPaymentIntentEvent } from './paymentIntentEvents'
import { earlyFraudWarningObject, parseOrReject } from './stripeEventSchemas'

/** The payment intent of the warned charge: on the warning, or asked of Stripe (older charges). */
async function paymentIntentOfWarning(
  context: EventContext,
  warning: { charge: string | { id: string }; payment_intent?: null | string | { id: string } },
): Promise<null | string> {
  const direct = paymentIntentIdOf(warning.payment_intent ?? null)
  if (direct) return direct
  const chargeId = typeof warning.charge === 'string' ? warning.charge : warning.charge.id
  try {
    const charge = await getStripeClient(context.stripe).charges.retrieve(chargeId)
    return paymentIntentIdOf(charge.payment_intent as null | string | { id: string })
  } catch (error) {
    if (isMissingStripeObject(error)) return null // a charge of another account, or forged
    throw error
  }
}

/**
 * `radar.early_fraud_warning.created`: the card's issuer reports the payment as fraud, usually
 * before a dispute. Access ends at once (`revoked`, with the reason on the purchase), in the
 * transaction that records the event. With `earlyFraudWarnings.refund`, the payment is then
 * refunded (reason `fraudulent`; the warning's id is the idempotency key, so a retried event
 * refunds once). A refund that fails makes the event fail, so Stripe and the sweep retry it.
 */
export async function handleEarlyFraudWarning(
  event: StripeEventEnvelope,
  context: EventContext,
): Promise<EventResult> {
  const warning = parseOrReject(
    earlyFraudWarningObject,
    event.data.object,
    'The early fraud warning',
  )
  const paymentIntentId = await paymentIntentOfWarning(context, warning)
  if (!paymentIntentId) {
    return context.recordOnly({
      outcome: 'ignored',
      note: 'no payment intent behind the warned charge; nothing of the shop can be affected',
    })
  }
  const reason = `Stripe early fraud warning ${warning.id} (${warning.fraud_type})`
  const result = await applyPaymentIntentEvent({
    payload: context.payload,
    type: 'radar.early_fraud_warning.created',
    paymentIntentId,
    record: context.record,
    reason,
  })
  if (!context.options.earlyFraudWarnings.refund || !warning.actionable || !result.purchaseId)
    return result

  try {
    const refund = await refundPayment(context.stripe, {
      paymentIntentId,
      idempotencyKey: `storefront-efw-refund/${warning.id}`,
      purchaseId: String(result.purchaseId),
      reason: 'fraudulent',
    })
    await context.payload.update({
      collection: PURCHASES_SLUG as CollectionSlug,
      id: result.purchaseId,
      data: { statusReason: `${reason}; refunded in Stripe (${refund.id})` } as never,
      depth: 0,
      overrideAccess: true,
    })
    return { ...result, note: `${result.note}; refunded (${refund.id})` }
  } catch (error) {
    // Refunded already (by staff, or a dispute meanwhile): nothing left to do.
    const code = (error as { code?: string }).code
    if (code === 'charge_already_refunded' || code === 'charge_disputed') return result
    throw error
  }
}
