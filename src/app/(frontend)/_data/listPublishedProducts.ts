import type { Product } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

/** Published products, as an anonymous visitor is allowed to see them (access control decides). */
export async function listPublishedProducts(): Promise<Product[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'products',
    overrideAccess: false,
    draft: false,
    sort: 'title',
    limit: 100,
    depth: 1, // the product picture (Media); product files stay ids for visitors
  })
  return docs
}
