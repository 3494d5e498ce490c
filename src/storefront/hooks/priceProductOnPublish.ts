import type { CollectionBeforeChangeHook } from 'payload'

import type { ProductFileStore } from '../storage/productFiles'
import type { StripeConnection } from '../types'

import { CURRENCY_PATTERN, isProductSlug, PRICING_WAITS_FOR_OTHER_FIELDS } from '../constants'
import { priceProductForSale } from '../operations/priceProductForSale'
import { explainUnsafeFileName } from '../utilities/fileNames'

type ProductData = {
  _status?: string
  title?: string
  slug?: string
  priceCents?: number
  currency?: string
  stripePriceId?: null | string
  stripeProductId?: null | string
  assetFilename?: null | string
}

/**
 * Only a product that could be sold as it stands is taken to Stripe. Each check here is one a
 * field validator makes too (title required, validateSlug, validatePriceCents, validateCurrency,
 * validateAssetFile), so a product that fails it is always refused by that field's own error.
 */
async function isDeliverable(data: ProductData, store: ProductFileStore): Promise<boolean> {
  if (!data.title?.trim() || !isProductSlug(data.slug)) return false
  if (!Number.isInteger(data.priceCents) || (data.priceCents as number) < 0) return false
  if (!CURRENCY_PATTERN.test(String(data.currency))) return false
  const file = data.assetFilename
  if (!file || explainUnsafeFileName(file)) return false
  return (await store.locate(file)).status === 'found'
}

const AWAITING_PUBLISH = 'The price is created or checked in Stripe when the product is published.'

/**
 * When a product is published: its Stripe price is created (or replaced, or a pasted one checked)
 * and the outcome stored on it. Collection hooks run before field validation, so a product with
 * anything else wrong (no file, a file missing on disk, a bad slug) is not taken to Stripe at all:
 * the field validators then refuse it, and no Stripe product is created for a product that fails.
 * Publishing is refused by `validateStripePrice` unless the result is verified.
 */
export const priceProductOnPublish =
  (options: {
    stripe: StripeConnection
    store: ProductFileStore
  }): CollectionBeforeChangeHook<ProductData & { id: number | string }> =>
  async ({ data, originalDoc, req }) => {
    const merged: ProductData = { ...originalDoc, ...data }
    if (merged._status !== 'published') {
      return {
        ...data,
        stripePriceVerification: 'unchecked',
        stripePriceVerificationNote: AWAITING_PUBLISH,
        stripePriceVerifiedAt: null,
      }
    }
    if (!(await isDeliverable(merged, options.store))) {
      return {
        ...data,
        stripePriceVerification: 'unchecked',
        stripePriceVerificationNote: PRICING_WAITS_FOR_OTHER_FIELDS,
        stripePriceVerifiedAt: null,
      }
    }
    const result = await priceProductForSale({
      payload: req.payload,
      connection: options.stripe,
      product: {
        slug: merged.slug as string,
        title: merged.title as string,
        priceCents: merged.priceCents as number,
        currency: merged.currency as string,
        stripePriceId: merged.stripePriceId,
        stripeProductId: merged.stripeProductId,
      },
      previousPriceId: originalDoc?.stripePriceId,
    })
    return { ...data, ...result }
  }
