import type { PurchaseDoc } from '../../fulfilment/types'
import type { StaffRequest } from './staffAction'

import { inDurableTransaction } from '../../database/transactions'
import { submitDisputeEvidence } from '../../fulfilment/submitDisputeEvidence'
import { lockPurchase, recordStaffAction } from './staffAction'

/**
 * Staff submit the drafted dispute evidence to Stripe, exactly as the purchase shows it; recorded
 * on the purchase with who and when.
 * @throws StorefrontError 404, 409 (nothing drafted, already submitted, Stripe refused), 502
 */
export async function submitDisputeEvidenceByStaff(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  const { req, options, staff } = args
  const submitted = await submitDisputeEvidence({
    payload: req.payload,
    options,
    purchaseId: args.purchaseId,
    by: staff.email ?? `user ${staff.id}`,
  })
  return inDurableTransaction(req.payload, async (tx) =>
    recordStaffAction(tx, await lockPurchase(tx, args.purchaseId), staff, {
      action: 'dispute_evidence',
      reason: args.reason,
      detail: `evidence submitted to Stripe for dispute ${submitted.disputeId} (now ${submitted.status})`,
    }),
  )
}
