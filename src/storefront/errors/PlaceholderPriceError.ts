import { PLACEHOLDER_MARKER } from '../utilities/PLACEHOLDER_MARKER'

/** The product still has the seed's placeholder Stripe price id, so it cannot be sold. */
export class PlaceholderPriceError extends Error {
  constructor(
    readonly productSlug: string,
    readonly productTitle: string,
  ) {
    super(
      `"${productTitle}" (${productSlug}) has a placeholder Stripe price ID (${PLACEHOLDER_MARKER}), so it cannot be bought yet. ` +
        `An editor must set the product's "Stripe price ID" field to the real price ID from Stripe.`,
    )
    this.name = 'PlaceholderPriceError'
  }
}
