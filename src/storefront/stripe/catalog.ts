import { createHash } from 'node:crypto'

import type Stripe from 'stripe'

import type { StripeKeys } from './client'

import { getStripeClient } from './client'

/**
 * Stripe products and prices the shop creates itself, so an editor never opens the Stripe
 * dashboard. Prices are immutable in Stripe: a new amount is a new price, and the old one is
 * archived. Every create carries an idempotency key derived from what it creates, so a retried
 * publish (a timeout, a failed database write after Stripe answered) reuses the same objects.
 */

/** Metadata on every price the shop created: only those does it replace and archive on its own. */
export const CREATED_BY_METADATA = { created_by: 'payload-plugin-storefront' } as const

/** True for a price the shop created (and so may replace and archive when the amount changes). */
export function isShopCreatedPrice(price: Stripe.Price): boolean {
  return price.metadata?.created_by === CREATED_BY_METADATA.created_by
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32)
}

export type PriceToCreate = {
  /** The product's slug, kept in Stripe metadata so the dashboard leads back to the shop. */
  slug: string
  title: string
  amount: number
  currency: string
  /** The Stripe product to add the price to; a new one is created when absent. */
  stripeProductId?: null | string
  /** The price this one replaces (part of the idempotency key: A → B → A makes a third price). */
  replacesPriceId?: null | string
}

/** Creates (or, on a retry, finds again) the Stripe product and a one-time price for it. */
export async function createOneTimePrice(
  keys: StripeKeys,
  request: PriceToCreate,
): Promise<{ price: Stripe.Price; stripeProductId: string }> {
  const stripe = getStripeClient(keys)
  let stripeProductId = request.stripeProductId
  if (!stripeProductId) {
    const params: Stripe.ProductCreateParams = {
      name: request.title,
      type: 'service',
      metadata: { ...CREATED_BY_METADATA, payload_product_slug: request.slug },
    }
    const product = await stripe.products.create(params, {
      idempotencyKey: `storefront-product/${request.slug}/${fingerprint(params)}`,
    })
    stripeProductId = product.id
  }
  const params: Stripe.PriceCreateParams = {
    product: stripeProductId,
    unit_amount: request.amount,
    currency: request.currency,
    metadata: { ...CREATED_BY_METADATA, payload_product_slug: request.slug },
  }
  const price = await stripe.prices.create(params, {
    idempotencyKey: `storefront-price/${stripeProductId}/${request.replacesPriceId ?? 'first'}/${fingerprint(params)}`,
  })
  return { price, stripeProductId }
}

/** Archives a price (Stripe keeps it for past payments; nobody can start a new one with it). */
export async function archivePrice(keys: StripeKeys, priceId: string): Promise<void> {
  await getStripeClient(keys).prices.update(
    priceId,
    { active: false },
    { idempotencyKey: `storefront-archive-price/${priceId}` },
  )
}

/** The price, or null when Stripe has no price with this id in this account. */
export async function retrievePrice(
  keys: StripeKeys,
  priceId: string,
): Promise<null | Stripe.Price> {
  try {
    return await getStripeClient(keys).prices.retrieve(priceId)
  } catch (error) {
    // By shape, not instanceof: bundling may hold more than one copy of the SDK's error classes.
    const stripeError = error as { type?: string; code?: string }
    if (stripeError.type === 'StripeInvalidRequestError' && stripeError.code === 'resource_missing')
      return null
    throw error
  }
}
