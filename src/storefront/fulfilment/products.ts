import type { CollectionSlug, Payload } from 'payload'

import type { PurchaseDoc } from './types'

import { PLACEHOLDER_MARKER, PRODUCTS_SLUG } from '../constants'
import { StorefrontError } from '../errors'

export type ResolvedPrice = { priceId: string; amountCents: number; currency: string }

/**
 * The Stripe price to charge for a published product.
 * @throws StorefrontError 404 for an unknown, deleted or unpublished slug
 * @throws StorefrontError 422 when the price id is missing or still the placeholder
 */
export async function resolveStripePriceId(
  payload: Payload,
  productSlug: string,
): Promise<ResolvedPrice> {
  const { docs } = await payload.find({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { and: [{ slug: { equals: productSlug } }, { _status: { equals: 'published' } }] },
    draft: false,
    limit: 1,
    depth: 0,
  })
  const product = docs[0] as unknown as
    | {
        slug: string
        title: string
        stripePriceId?: null | string
        priceCents: number
        currency: string
      }
    | undefined
  if (!product) {
    throw new StorefrontError(
      `No product found for slug "${productSlug}". It may have been unpublished or renamed; pick it again from the catalog.`,
      404,
    )
  }
  const priceId = product.stripePriceId
  if (!priceId || priceId.includes(PLACEHOLDER_MARKER)) {
    throw new StorefrontError(
      `"${product.title}" (${product.slug}) has a placeholder Stripe price ID (${PLACEHOLDER_MARKER}), so it cannot be bought yet. ` +
        `An editor must set the product's "Stripe price ID" field to the real price ID from Stripe.`,
      422,
    )
  }
  return { priceId, amountCents: product.priceCents, currency: product.currency }
}

/** The product a purchase is of, or null when it was deleted since (the purchase keeps its slug). */
export async function findProductOfPurchase(
  payload: Payload,
  purchase: PurchaseDoc,
): Promise<null | { title?: string }> {
  const productId = typeof purchase.product === 'object' ? purchase.product?.id : purchase.product
  if (!productId) return null
  return (await payload.findByID({
    collection: PRODUCTS_SLUG as CollectionSlug,
    id: productId,
    depth: 0,
    disableErrors: true,
  })) as null | { title?: string }
}
