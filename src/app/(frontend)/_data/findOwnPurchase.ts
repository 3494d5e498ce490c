import type { Purchase, User } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

/**
 * One purchase of the signed-in shopper, or null: for anyone else's id (staff included: their
 * view of other people's purchases is the admin), an unknown id or one that is not a number.
 * Read with the shopper's own access rights, so access control has the last word too.
 */
export async function findOwnPurchase(user: User, id: string): Promise<Purchase | null> {
  if (!/^[1-9]\d{0,9}$/.test(id)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { and: [{ id: { equals: Number(id) } }, { user: { equals: user.id } }] },
    limit: 1,
    depth: 1,
    overrideAccess: false,
    user,
  })
  return docs[0] ?? null
}
