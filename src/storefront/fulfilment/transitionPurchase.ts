import type { Payload } from 'payload'

import type { PurchaseStatus } from '../collections/PURCHASE_STATUSES'
import type { PurchaseDoc } from './PurchaseDoc'

import { PURCHASES_SLUG } from '../collections/PURCHASES_SLUG'

/**
 * Moves a purchase to `to` if it is currently in one of `from`; otherwise leaves it alone, so a
 * replayed or out-of-order event cannot, say, turn a refunded purchase back into a paid one.
 */
export async function transitionPurchase(
  payload: Payload,
  purchase: PurchaseDoc,
  to: PurchaseStatus,
  from: readonly PurchaseStatus[],
): Promise<{ purchase: PurchaseDoc; changed: boolean }> {
  if (purchase.status === to || !from.includes(purchase.status)) return { purchase, changed: false }
  const updated = await payload.update({
    collection: PURCHASES_SLUG,
    id: purchase.id,
    data: { status: to, ...(to === 'paid' && !purchase.paidAt ? { paidAt: new Date().toISOString() } : {}) },
    depth: 0,
    overrideAccess: true,
  })
  return { purchase: updated as unknown as PurchaseDoc, changed: true }
}
