import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'
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

/** Stripe's limit on one text evidence field; all of them together may hold 150,000. */
const EVIDENCE_FIELD_MAX = 20_000
const EVIDENCE_TOTAL_MAX = 150_000

/**
 * `POST /v1/disputes/:id`: the merchant's evidence, merged over what was saved before, and with
 * `submit=true` sent to the card network: the dispute goes `under_review` and takes no more
 * evidence. Unknown evidence fields, over-long text and a closed or already submitted dispute are
 * refused as Stripe refuses them. Fires `charge.dispute.updated`.
 */
export function updateDispute(
  context: EmulatorContext,
  { id, params, request }: { id: string; params: StripeParams; request: ApiRequestInfo },
): Stripe.Dispute {
  const dispute = context.state.disputes.get(id)
  if (!dispute)
    throw StripeApiError.resourceMissing({
      objectName: 'dispute',
      id,
      param: 'dispute',
      inPath: true,
    })
  for (const key of Object.keys(params)) {
    if (!['evidence', 'submit', 'metadata', 'expand'].includes(key))
      throw StripeApiError.parameterUnknown(key)
  }
  if (['won', 'lost', 'warning_closed'].includes(dispute.status))
    throw StripeApiError.invalid({
      param: 'dispute',
      message: `This dispute is already closed (${dispute.status}); it can no longer be updated.`,
    })
  if (dispute.status === 'under_review')
    throw StripeApiError.invalid({
      param: 'evidence',
      message: 'The evidence for this dispute has already been submitted and is under review.',
    })
  const evidence = params.evidence ?? {}
  if (typeof evidence !== 'object' || Array.isArray(evidence))
    throw StripeApiError.invalidParameter({ param: 'evidence', message: 'Invalid hash' })
  const known = Object.keys(stripeFixture('dispute').evidence)
  const merged: Record<string, unknown> = { ...dispute.evidence }
  for (const [key, value] of Object.entries(evidence)) {
    if (!known.includes(key) || key === 'enhanced_evidence')
      throw StripeApiError.parameterUnknown(`evidence[${key}]`)
    const text = readParam.string(value, `evidence[${key}]`) ?? null
    if (text && text.length > EVIDENCE_FIELD_MAX)
      throw StripeApiError.invalidParameter({
        param: `evidence[${key}]`,
        message: `This value must be ${EVIDENCE_FIELD_MAX} characters or fewer.`,
      })
    merged[key] = text
  }
  const total = Object.values(merged).reduce<number>(
    (sum, value) => sum + (typeof value === 'string' ? value.length : 0),
    0,
  )
  if (total > EVIDENCE_TOTAL_MAX)
    throw StripeApiError.invalidParameter({
      param: 'evidence',
      message: `The combined character count of all evidence fields must be ${EVIDENCE_TOTAL_MAX} or fewer.`,
    })
  const previous = { evidence: structuredClone(dispute.evidence), status: dispute.status }
  dispute.evidence = merged as unknown as Stripe.Dispute.Evidence
  if (params.metadata !== undefined)
    dispute.metadata = { ...dispute.metadata, ...readParam.metadata(params.metadata, 'metadata') }
  dispute.evidence_details = { ...dispute.evidence_details, has_evidence: true }
  if (readParam.boolean(params.submit, 'submit')) {
    dispute.status = 'under_review'
    dispute.evidence_details = {
      ...dispute.evidence_details,
      submission_count: dispute.evidence_details.submission_count + 1,
      submission_method: 'manual',
    }
  }
  context.publishEvent({
    type: 'charge.dispute.updated',
    object: dispute,
    request,
    previousAttributes: previous,
  })
  return dispute
}
