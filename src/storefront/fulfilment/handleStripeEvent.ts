import type { FulfilResult } from './fulfil'
import type { StripeEventEnvelope } from './stripeEventSchemas'
import { submitDisputeEvidence } from './submitDisputeEvidence'
import type { EventResult } from './types'

import { paymentIntentIdOf } from '../stripe/checkoutSessions'
import { fulfil } from './fulfil'
import { draftDisputeEvidence } from './disputeEvidence'
import { handleEarlyFraudWarning } from './earlyFraudWarnings'
import { type EventContext, recordOnly } from './eventContext'

import { applyPaymentIntentEvent } from './paymentIntentEvents'
import {
  checkoutSessionEventObject,
  disputeObject,
  earlyFraudWarningObject,
  parseOrReject,
  readSessionMetadata,
  refundedChargeObject,
} from './stripeEventSchemas'

function toEventResult(result: FulfilResult): EventResult {
  if (result.kind === 'rejected') return { outcome: 'rejected', note: result.reason }
  const { purchase, created } = result
  return {
    outcome: 'processed',
    note: `${created ? 'created' : 'found'} purchase, status ${purchase.status}`,
    purchaseId: purchase.id,
    paymentIntentId: purchase.stripePaymentIntentId ?? null,
  }
}

async function fulfilSessionEvent(
  event: StripeEventEnvelope,
  context: EventContext,
  asyncPaymentFailed = false,
): Promise<EventResult> {
  const { id } = parseOrReject(
    checkoutSessionEventObject,
    event.data.object,
    'The checkout session',
  )
  const result = await fulfil({
    payload: context.payload,
    stripe: context.stripe,
    sessionId: id,
    usersSlug: context.usersSlug,
    asyncPaymentFailed,
    alongside: (req, fulfilled) => context.record(req, toEventResult(fulfilled)),
  })
  return toEventResult(result)
}

/**
 * The part of an event's object the shop uses, checked before anything is stored: the webhook
 * answers 400 at once for an event that could only be rejected later, and queues just these
 * fields (a full Stripe object runs to kilobytes of fields the shop never reads). Reads the event
 * body only (no Stripe, no database); applying the event still asks Stripe.
 * @throws StorefrontError 400 naming what is wrong
 */
export function usableEventObject(event: StripeEventEnvelope): Record<string, unknown> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed': {
      const session = parseOrReject(
        checkoutSessionEventObject,
        event.data.object,
        'The checkout session',
      )
      readSessionMetadata({ id: session.id, metadata: session.metadata ?? null })
      return session
    }
    case 'charge.refunded':
      return parseOrReject(refundedChargeObject, event.data.object, 'The charge')
    case 'charge.dispute.created':
    case 'charge.dispute.closed':
      return parseOrReject(disputeObject, event.data.object, 'The dispute')
    case 'radar.early_fraud_warning.created':
      return parseOrReject(earlyFraudWarningObject, event.data.object, 'The early fraud warning')
    default:
      return {} // recorded as ignored; nothing of it is read
  }
}

/**
 * What each Stripe event does to purchases, with its outcome stored in the same transaction.
 * Event handling is domain logic, so it lives here, not in the webhook endpoint. Every branch is
 * safe to run twice.
 * @throws StorefrontError 400 for an event object the shop cannot read (recorded `rejected` by
 *   the caller); any other error when Stripe or the database failed (nothing was stored)
 */
export async function handleStripeEvent(
  event: StripeEventEnvelope,
  context: EventContext,
): Promise<EventResult> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return fulfilSessionEvent(event, context)
    case 'checkout.session.async_payment_failed':
      return fulfilSessionEvent(event, context, true)
    case 'charge.refunded': {
      const charge = parseOrReject(refundedChargeObject, event.data.object, 'The charge')
      // A partial refund leaves the download available; only a full refund ends access.
      if (!charge.refunded) {
        return recordOnly(context, {
          outcome: 'ignored',
          note: `partial refund (${charge.amount_refunded} of ${charge.amount})`,
        })
      }
      return byPaymentIntent(context, event.type, paymentIntentIdOf(charge.payment_intent))
    }
    case 'charge.dispute.created': {
      const dispute = parseOrReject(disputeObject, event.data.object, 'The dispute')
      const result = await byPaymentIntent(
        context,
        event.type,
        paymentIntentIdOf(dispute.payment_intent),
      )
      if (result.purchaseId !== undefined)
        await answerDispute(context, dispute.id, result.purchaseId)
      return result
    }
    case 'radar.early_fraud_warning.created':
      return handleEarlyFraudWarning(event, context)
    case 'charge.dispute.closed': {
      const dispute = parseOrReject(disputeObject, event.data.object, 'The dispute')
      // Won, or an inquiry closed without a chargeback (warning_closed): the money stayed, access returns.
      if (dispute.status !== 'won' && dispute.status !== 'warning_closed') {
        return recordOnly(context, {
          outcome: 'ignored',
          note: `dispute closed as ${dispute.status}; access stays ended`,
        })
      }
      return byPaymentIntent(context, event.type, paymentIntentIdOf(dispute.payment_intent))
    }
    default:
      return recordOnly(context, {
        outcome: 'ignored',
        note: `event type ${event.type} is not used by the shop`,
      })
  }
}

/**
 * Drafts the evidence for a new dispute on the purchase and, with `disputes.autoSubmitEvidence`,
 * submits it. A failed draft fails the event (retried); a refused or failed submission is
 * recorded on the purchase for staff to submit by hand, and the event stays processed.
 */
async function answerDispute(
  context: EventContext,
  disputeId: string,
  purchaseId: number | string,
): Promise<void> {
  await draftDisputeEvidence({
    payload: context.payload,
    purchaseId,
    disputeId,
    storeName: context.options.storeName,
  })
  if (!context.options.disputes.autoSubmitEvidence) return
  await submitDisputeEvidence({
    payload: context.payload,
    options: context.options,
    purchaseId,
    by: 'automatically, when the dispute opened',
  }).catch((error: unknown) =>
    context.payload.logger.warn(
      { err: error, disputeId },
      'Dispute evidence was drafted but not submitted; staff can submit it from the purchase.',
    ),
  )
}

function byPaymentIntent(
  context: EventContext,
  type: 'charge.dispute.closed' | 'charge.dispute.created' | 'charge.refunded',
  paymentIntentId: null | string,
): Promise<EventResult> {
  if (!paymentIntentId) {
    return recordOnly(context, {
      outcome: 'ignored',
      note: 'no payment intent on the event; nothing of the shop can be affected',
    })
  }
  return applyPaymentIntentEvent({
    payload: context.payload,
    type,
    paymentIntentId,
    record: context.record,
  })
}
