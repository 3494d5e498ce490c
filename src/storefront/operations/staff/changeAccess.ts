import type { PurchaseDoc, PurchaseStatus } from '../../fulfilment/types'
import type { StaffAction, StaffRequest } from './staffAction'

import { inDurableTransaction } from '../../database/transactions'
import { transitionPurchase } from '../../fulfilment/purchases'
import { lockPurchase, needsStatus, recordStaffAction } from './staffAction'

/** Ends the buyer's access (downloads answer 403) without touching the payment. */
export function revokeAccess(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  return changeAccess(args, { to: 'revoked', from: ['paid'], action: 'revoke', doing: 'revoked' })
}

/** Gives a revoked purchase its access back. */
export function restoreAccess(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  return changeAccess(args, { to: 'paid', from: ['revoked'], action: 'restore', doing: 'restored' })
}

function changeAccess(
  args: StaffRequest & { purchaseId: number | string },
  change: { to: PurchaseStatus; from: PurchaseStatus[]; action: StaffAction; doing: string },
): Promise<PurchaseDoc> {
  return inDurableTransaction(args.req.payload, async (req) => {
    const purchase = await lockPurchase(req, args.purchaseId)
    needsStatus(purchase, change.from, change.doing)
    const moved = await transitionPurchase(req, {
      purchaseId: purchase.id,
      to: change.to,
      from: change.from,
    })
    return recordStaffAction(req, moved.purchase, args.staff, {
      action: change.action,
      reason: args.reason,
      detail: `status ${moved.previous} → ${change.to}`,
    })
  })
}
