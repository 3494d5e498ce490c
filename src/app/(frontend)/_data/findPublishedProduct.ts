import type { Product } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

export async function findPublishedProduct(slug: string): Promise<Product | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'products',
    where: { slug: { equals: slug } },
    overrideAccess: false,
    draft: false,
    limit: 1,
    depth: 0,
  })
  return docs[0] ?? null
}
