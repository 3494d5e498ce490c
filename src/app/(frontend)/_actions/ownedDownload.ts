'use server'

import { describeDownload, type DownloadSummary } from 'payload-plugin-storefront'

import { getPayloadClient } from '../_data/getPayloadClient'
import { getSignedInUser } from '../_data/getSignedInUser'

/**
 * The signed-in shopper's download of a product they own (a paid purchase), or null. Asked from
 * the browser, so product pages stay statically rendered for everyone.
 */
export async function findOwnedDownload(productId: number): Promise<DownloadSummary | null> {
  if (!Number.isSafeInteger(productId)) return null
  const user = await getSignedInUser()
  if (!user) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'purchases',
    where: {
      and: [
        { user: { equals: user.id } },
        { product: { equals: productId } },
        { status: { equals: 'paid' } },
      ],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user,
  })
  return docs[0] ? describeDownload({ payload, purchase: docs[0] }) : null
}
