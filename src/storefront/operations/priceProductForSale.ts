import type { Payload } from 'payload'

import type { StripeConnection } from '../types'

import {
  archivePrice,
  createOneTimePrice,
  isShopCreatedPrice,
  retrievePrice,
} from '../stripe/catalog'
import { describePriceMismatch } from '../stripe/prices'

/** What publishing a product needs to know about its price. */
export type ProductPricing = {
  slug: string
  title: string
  priceCents: number
  currency: string
  /** Empty: the shop creates the price. Pasted: the shop checks it. */
  stripePriceId?: null | string
  stripeProductId?: null | string
}

/** What is stored on the product: the price to sell with and whether Stripe confirmed it. */
export type PricingResult = {
  stripePriceId?: null | string
  stripeProductId?: null | string
  stripePriceVerification: 'unchecked' | 'verified'
  /** Why the price is unchecked: a full sentence shown to the editor, who cannot publish until it is fixed. */
  stripePriceVerificationNote: null | string
  stripePriceVerifiedAt: null | string
}

function unchecked(note: string): PricingResult {
  return {
    stripePriceVerification: 'unchecked',
    stripePriceVerificationNote: note,
    stripePriceVerifiedAt: null,
  }
}

function verified(ids: { stripePriceId: string; stripeProductId: null | string }): PricingResult {
  return {
    ...ids,
    stripePriceVerification: 'verified',
    stripePriceVerificationNote: null,
    stripePriceVerifiedAt: new Date().toISOString(),
  }
}

const productIdOf = (product: unknown): null | string =>
  typeof product === 'string' ? product : ((product as null | { id?: string })?.id ?? null)

/**
 * Makes a product sellable in Stripe when it is published: without a price id, creates the Stripe
 * product and a one-time price; with a price the shop created whose amount or currency the editor
 * changed, creates a new price and archives the old one (Stripe prices are immutable); with a
 * pasted price id, checks that it exists, is active, one-time and charges what the product says.
 * Never throws: what went wrong comes back as an unchecked result whose note the editor reads.
 */
export async function priceProductForSale(args: {
  payload: Payload
  connection: StripeConnection
  product: ProductPricing
  /** The price id stored before this save; a different one means the editor pasted it. */
  previousPriceId?: null | string
}): Promise<PricingResult> {
  const { connection, product, previousPriceId, payload } = args
  if (!connection.secretKey)
    return unchecked(
      'No Stripe key is configured (STRIPE_SECRET_KEY), so the price cannot be created or checked in Stripe. Set the key, then publish again, or save as a draft.',
    )
  const keys = { ...connection, secretKey: connection.secretKey }
  const wanted = { amount: product.priceCents, currency: product.currency }
  try {
    if (!product.stripePriceId) {
      const created = await createOneTimePrice(keys, {
        slug: product.slug,
        title: product.title,
        ...wanted,
        stripeProductId: product.stripeProductId,
      })
      return verified({
        stripePriceId: created.price.id,
        stripeProductId: created.stripeProductId,
      })
    }
    const price = await retrievePrice(keys, product.stripePriceId)
    if (!price)
      return unchecked(
        `Stripe has no price "${product.stripePriceId}" in this account. Check the ID (test-mode prices need test-mode keys), or clear the field and publish again to let the shop create the price.`,
      )
    const problems = describePriceMismatch(price, product)
    const stripeProductId = productIdOf(price.product)
    if (problems.length === 0) return verified({ stripePriceId: price.id, stripeProductId })
    // A price the shop created, still the one stored: the editor changed the amount or currency.
    if (isShopCreatedPrice(price) && price.id === previousPriceId && price.type === 'one_time') {
      const created = await createOneTimePrice(keys, {
        slug: product.slug,
        title: product.title,
        ...wanted,
        stripeProductId,
        replacesPriceId: price.id,
      })
      if (price.active) await archivePrice(keys, price.id)
      return verified({ stripePriceId: created.price.id, stripeProductId })
    }
    return unchecked(
      `This Stripe price does not match the product: ${problems.join('; ')}. Correct the price above, or clear the Stripe price ID and publish again to let the shop create a matching price.`,
    )
  } catch (error) {
    payload.logger.warn({ err: error }, 'Could not price the product in Stripe.')
    return unchecked(
      `Stripe could not be reached (${(error as Error).message}), so the price was not created or checked. Publish again in a moment, or save as a draft.`,
    )
  }
}
