import type { Product } from '@/payload-types'

import { describeProductFile, type ProductFileSummary } from 'payload-plugin-storefront'

import { getPayloadClient } from './getPayloadClient'

/** The file each product sells (name and size), by product id, for cards and product pages. */
export async function describeProductFiles(
  products: Product[],
): Promise<Map<number, ProductFileSummary>> {
  const payload = await getPayloadClient()
  const entries = await Promise.all(
    products.map(
      async (product) => [product.id, await describeProductFile({ payload, product })] as const,
    ),
  )
  return new Map(
    entries.filter((entry): entry is readonly [number, ProductFileSummary] => entry[1] !== null),
  )
}
