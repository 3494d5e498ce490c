import type { CollectionSlug, Payload } from 'payload'

import type { PurchaseStatus } from '../utilities/PURCHASE_STATUSES'
import type { PurchaseDoc } from './PurchaseDoc'

import { PURCHASES_SLUG } from '../utilities/PURCHASES_SLUG'

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
  // Decide on the stored status, not the caller's copy, which may be a delivery or two old.
  const current = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchase.id,
    depth: 0,
  })) as unknown as PurchaseDoc
  if (current.status === to || !from.includes(current.status))
    return { purchase: current, changed: false }
  const updated = await payload.update({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchase.id,
    data: {
      status: to,
      ...(to === 'paid' && !current.paidAt ? { paidAt: new Date().toISOString() } : {}),
    },
    depth: 0,
    overrideAccess: true,
  })
  return { purchase: updated as unknown as PurchaseDoc, changed: true }
}
