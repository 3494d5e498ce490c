import type Stripe from 'stripe'

import type { StripeKeys } from './client'

import { getStripeClient } from './client'

/**
 * Sends the evidence for a dispute and submits it to the card network (`submit: true`): Stripe
 * takes no more evidence after this. The idempotency key is one draft's, so a retried request
 * submits once.
 */
export function submitDisputeEvidenceToStripe(
  keys: StripeKeys,
  dispute: { id: string; evidence: Stripe.DisputeUpdateParams.Evidence; idempotencyKey: string },
): Promise<Stripe.Dispute> {
  return getStripeClient(keys).disputes.update(
    dispute.id,
    { evidence: dispute.evidence, submit: true },
    { idempotencyKey: dispute.idempotencyKey },
  )
}
