import type { Payload } from 'payload'

import { PRODUCTS_SLUG } from '../utilities/PRODUCTS_SLUG'
import { PlaceholderPriceError } from '../errors/PlaceholderPriceError'
import { ProductNotFoundError } from '../errors/ProductNotFoundError'
import { PLACEHOLDER_MARKER } from '../utilities/PLACEHOLDER_MARKER'

export type ResolvedPrice = { priceId: string; amountCents: number; currency: string }

/**
 * The Stripe price to charge for a published product.
 * @throws ProductNotFoundError for an unknown, deleted or unpublished slug
 * @throws PlaceholderPriceError when the price id is missing or still the placeholder
 */
export async function resolveStripePriceId(
  payload: Payload,
  productSlug: string,
): Promise<ResolvedPrice> {
  const { docs } = await payload.find({
    collection: PRODUCTS_SLUG,
    where: { and: [{ slug: { equals: productSlug } }, { _status: { equals: 'published' } }] },
    draft: false,
    limit: 1,
    depth: 0,
  })
  const product = docs[0] as
    | {
        slug: string
        title: string
        stripePriceId?: null | string
        priceCents: number
        currency: string
      }
    | undefined
  if (!product) throw new ProductNotFoundError(productSlug)
  const priceId = product.stripePriceId
  if (!priceId || priceId.includes(PLACEHOLDER_MARKER))
    throw new PlaceholderPriceError(product.slug, product.title)
  return { priceId, amountCents: product.priceCents, currency: product.currency }
}
