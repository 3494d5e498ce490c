import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { PurchaseDoc, PurchaseStatus } from './types'

import { PURCHASES_SLUG } from '../constants'
import { lockRow } from '../database/transactions'

/** The one purchase matching `where` (a unique Stripe id), or null. */
export async function findPurchase({
  payload,
  where,
  req,
}: {
  payload: Payload
  where: Where
  req?: PayloadRequest
}): Promise<PurchaseDoc | null> {
  const { docs } = await payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  return (docs[0] as unknown as PurchaseDoc | undefined) ?? null
}

export type Transition = { purchase: PurchaseDoc; changed: boolean; previous: PurchaseStatus }

/**
 * Moves a purchase to `to` if it is currently in one of `from`; otherwise leaves it alone, so a
 * replayed or out-of-order event cannot, say, turn a refunded purchase back into a paid one.
 * Runs inside inDurableTransaction (`req`): the row is locked (SELECT … FOR UPDATE) before its
 * status is read, so of two transitions racing from the same status exactly one happens and the
 * other sees its result.
 */
export async function transitionPurchase(
  req: PayloadRequest,
  move: { purchaseId: number | string; to: PurchaseStatus; from: readonly PurchaseStatus[] },
): Promise<Transition> {
  const { purchaseId, to, from } = move
  const locked = await lockRow({
    req,
    collectionSlug: PURCHASES_SLUG,
    id: purchaseId,
    columns: ['status', 'paidAt'],
  })
  if (!locked) throw new Error(`Purchase ${purchaseId} disappeared while its status changed.`)
  const previous = locked.status as PurchaseStatus
  if (previous === to || !from.includes(previous)) {
    const purchase = await req.payload.findByID({
      collection: PURCHASES_SLUG as CollectionSlug,
      id: purchaseId,
      depth: 0,
      req,
    })
    return { purchase: purchase as unknown as PurchaseDoc, changed: false, previous }
  }
  const updated = await req.payload.update({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchaseId,
    data: {
      status: to,
      ...(to === 'paid' && !locked.paidAt ? { paidAt: new Date().toISOString() } : {}),
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { purchase: updated as unknown as PurchaseDoc, changed: true, previous }
}
