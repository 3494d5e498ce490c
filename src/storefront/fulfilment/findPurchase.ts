import type { Payload, Where } from 'payload'

import type { PurchaseDoc } from './PurchaseDoc'

import { PURCHASES_SLUG } from '../utilities/PURCHASES_SLUG'

/** The one purchase matching `where` (a unique Stripe id), or null. */
export async function findPurchase(payload: Payload, where: Where): Promise<PurchaseDoc | null> {
  const { docs } = await payload.find({
    collection: PURCHASES_SLUG,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return (docs[0] as unknown as PurchaseDoc | undefined) ?? null
}
