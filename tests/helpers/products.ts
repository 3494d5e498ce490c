import { getTestPayload } from './getTestPayload'

let sequence = 0

/** A published product priced at the emulator's price_test_123 ($15.00). */
export async function createProduct(
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; slug: string; title: string }> {
  const payload = await getTestPayload()
  sequence += 1
  const product = await payload.create({
    collection: 'products',
    data: {
      title: `Product ${sequence}`,
      slug: `product-${Date.now()}-${sequence}`,
      priceCents: 1500,
      currency: 'usd',
      stripePriceId: 'price_test_123',
      assetFilename: 'workflow-templates.zip',
      _status: 'published',
      ...overrides,
    },
  })
  return { id: product.id, slug: product.slug, title: product.title }
}
