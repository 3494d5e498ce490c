import type { CollectionSlug, Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'
import type { DisputeEvidence } from './disputeEvidence'

import { PURCHASES_SLUG } from '../constants'
import { StorefrontError } from '../errors'
import { submitDisputeEvidenceToStripe } from '../stripe/disputes'

type EvidenceRecord = {
  disputeId?: null | string
  status?: null | string
  draftedAt?: null | string
  evidence?: DisputeEvidence | null
}

/**
 * Submits the drafted evidence on a purchase to Stripe, exactly as drafted (what staff saw), and
 * records the outcome on the purchase. Used when a dispute opens (option
 * `disputes.autoSubmitEvidence`) and by staff ("Submit evidence to Stripe").
 * @throws StorefrontError 404 no purchase, 409 nothing drafted, already submitted or refused by
 *   Stripe, 502 Stripe unreachable or no key
 */
export async function submitDisputeEvidence(args: {
  payload: Payload
  options: ResolvedStorefrontOptions
  purchaseId: number | string
  /** Who submitted: a staff member's email, or "automatically". */
  by: string
}): Promise<{ disputeId: string; status: string }> {
  const { payload, options } = args
  const purchase = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: args.purchaseId,
    depth: 0,
    disableErrors: true,
  })) as null | { id: number | string; disputeEvidence?: EvidenceRecord | null }
  if (!purchase) throw new StorefrontError(`There is no purchase ${args.purchaseId}.`, 404)
  const draft = purchase.disputeEvidence
  if (!draft?.disputeId || !draft.evidence)
    throw new StorefrontError(
      'No dispute evidence has been drafted for this purchase; it is drafted when Stripe reports a dispute.',
      409,
    )
  if (draft.status === 'submitted')
    throw new StorefrontError(
      'This dispute evidence was already submitted; Stripe takes no more after submission.',
      409,
    )
  const { secretKey } = options.stripe
  if (!secretKey)
    throw new StorefrontError(
      'No Stripe key is configured (STRIPE_SECRET_KEY), so nothing can be submitted.',
      502,
    )
  const record = (data: Record<string, unknown>) =>
    payload.update({
      collection: PURCHASES_SLUG as CollectionSlug,
      id: purchase.id,
      data: { disputeEvidence: { ...draft, ...data } } as never,
      depth: 0,
      overrideAccess: true,
    })
  try {
    const dispute = await submitDisputeEvidenceToStripe(
      { ...options.stripe, secretKey },
      {
        id: draft.disputeId,
        evidence: draft.evidence,
        idempotencyKey: `storefront-dispute-evidence/${draft.disputeId}/${draft.draftedAt ?? ''}`,
      },
    )
    await record({
      status: 'submitted',
      submittedAt: new Date().toISOString(),
      submittedByEmail: args.by,
      lastError: null,
    })
    return { disputeId: dispute.id, status: dispute.status }
  } catch (error) {
    const stripeError = error as { type?: string; message?: string }
    if (stripeError.type === 'StripeInvalidRequestError') {
      await record({
        status: 'submit_failed',
        lastError: String(stripeError.message).slice(0, 500),
      })
      throw new StorefrontError(`Stripe refused the evidence: ${stripeError.message}`, 409)
    }
    payload.logger.error({ err: error }, 'Dispute evidence: Stripe could not be reached.')
    await record({ lastError: 'Stripe could not be reached; try again.' })
    throw new StorefrontError(
      'Stripe could not be reached, so the evidence was not submitted. Try again in a moment.',
      502,
    )
  }
}
