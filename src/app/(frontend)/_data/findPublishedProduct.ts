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
    depth: 1, // the product picture (Media); product files stay ids for visitors
  })
  return docs[0] ?? null
}
