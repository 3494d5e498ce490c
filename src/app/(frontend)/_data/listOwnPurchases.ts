import type { Purchase, User } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

/** The shopper's purchases, newest first, read with their own access rights. */
export async function listOwnPurchases(user: User): Promise<Purchase[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { user: { equals: user.id } },
    sort: '-createdAt',
    limit: 100,
    depth: 1,
    overrideAccess: false,
    user,
  })
  return docs
}
