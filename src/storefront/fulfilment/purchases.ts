import type { CollectionSlug, Payload, Where } from 'payload'

import type { PurchaseDoc, PurchaseStatus } from './types'

import { PURCHASES_SLUG } from '../constants'

/** The one purchase matching `where` (a unique Stripe id), or null. */
export async function findPurchase(payload: Payload, where: Where): Promise<PurchaseDoc | null> {
  const { docs } = await payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return (docs[0] as unknown as PurchaseDoc | undefined) ?? null
}

/**
 * Moves a purchase to `to` if it is currently in one of `from`; otherwise leaves it alone, so a
 * replayed or out-of-order event cannot, say, turn a refunded purchase back into a paid one.
 */
export async function transitionPurchase(
  payload: Payload,
  move: { purchase: PurchaseDoc; to: PurchaseStatus; from: readonly PurchaseStatus[] },
): Promise<{ purchase: PurchaseDoc; changed: boolean }> {
  const { purchase, to, from } = move
  // Decide on the stored status, not the caller's copy, which may be a delivery or two old.
  const current = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchase.id,
    depth: 0,
  })) as unknown as PurchaseDoc
  if (current.status === to || !from.includes(current.status)) {
    return { purchase: current, changed: false }
  }
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
