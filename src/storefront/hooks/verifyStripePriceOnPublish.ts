import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'
import type Stripe from 'stripe'

import type { StripeConnection } from '../types'

import { describePriceMismatch } from '../stripe/prices'
import { getStripeClient } from '../stripe/client'
import { CURRENCY_PATTERN, PLACEHOLDER_MARKER } from '../constants'

function isWellFormedPricing(priceId: string, priceCents: unknown, currency: unknown): boolean {
  return (
    /^price_\S+$/.test(priceId) &&
    Number.isInteger(priceCents) &&
    (priceCents as number) >= 0 &&
    CURRENCY_PATTERN.test(String(currency))
  )
}

type ProductData = {
  _status?: string
  stripePriceId?: null | string
  priceCents?: number
  currency?: string
  stripePriceVerification?: string
  stripePriceVerificationNote?: null | string
  stripePriceVerifiedAt?: null | string
}

/**
 * Tells editors early when a published product's price id does not match Stripe (missing,
 * archived, recurring, other amount or currency) as a field error in the admin.
 * If Stripe cannot be asked, the save still goes through and the product shows "unchecked".
 */
export const verifyStripePriceOnPublish =
  (
    connection: StripeConnection,
  ): CollectionBeforeChangeHook<ProductData & { id: number | string }> =>
  async ({ data, originalDoc, req, collection }) => {
    const merged: ProductData = { ...originalDoc, ...data }
    const priceId = merged.stripePriceId
    const unchecked = (note: string) => ({
      ...data,
      stripePriceVerification: 'unchecked',
      stripePriceVerificationNote: note,
      stripePriceVerifiedAt: null,
    })

    if (merged._status !== 'published' || !priceId || priceId.includes(PLACEHOLDER_MARKER)) {
      return unchecked('Checked against Stripe when the product is published.')
    }
    // Collection hooks run before field validation: leave malformed values to the field
    // validators, whose messages say exactly what to fix, instead of asking Stripe about them.
    if (!isWellFormedPricing(priceId, merged.priceCents, merged.currency))
      return unchecked('Not checked: fix the highlighted fields first.')
    if (!connection.secretKey)
      return unchecked('Not checked: no Stripe key is configured (STRIPE_SECRET_KEY).')

    let price: Stripe.Price
    try {
      price = await getStripeClient({
        ...connection,
        secretKey: connection.secretKey,
      }).prices.retrieve(priceId)
    } catch (error) {
      // By shape, not instanceof: bundling may hold more than one copy of the SDK's error classes.
      const stripeError = error as { type?: string; code?: string }
      if (
        stripeError.type === 'StripeInvalidRequestError' &&
        stripeError.code === 'resource_missing'
      ) {
        throw new ValidationError({
          collection: collection.slug,
          errors: [
            {
              path: 'stripePriceId',
              message: `Stripe has no price "${priceId}" in this account. Check the id, and that test-mode prices are used with test-mode keys.`,
            },
          ],
        })
      }
      req.payload.logger.warn(
        { err: error, priceId },
        'Could not verify the Stripe price; saving it unchecked.',
      )
      return unchecked(
        `Not checked: Stripe could not be reached (${(error as Error).message}). Saved anyway; it is checked again on the next publish.`,
      )
    }

    const problems = describePriceMismatch(price, {
      priceCents: merged.priceCents ?? 0,
      currency: merged.currency ?? '',
    })
    if (problems.length > 0) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [
          {
            path: 'stripePriceId',
            message: `This Stripe price does not match the product: ${problems.join('; ')}.`,
          },
        ],
      })
    }
    return {
      ...data,
      stripePriceVerification: 'verified',
      stripePriceVerificationNote: null,
      stripePriceVerifiedAt: new Date().toISOString(),
    }
  }
