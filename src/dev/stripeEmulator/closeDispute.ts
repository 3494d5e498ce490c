import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'

/** The network's decision on a dispute; the shop hears `charge.dispute.closed` with the outcome in `status`. */
export function closeDispute(
  context: EmulatorContext,
  disputeId: string,
  status: 'won' | 'lost',
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
  }
  context.publishEvent('charge.dispute.closed', dispute)
  return dispute
}
