import type { TextFieldSingleValidation } from 'payload'

import { PLACEHOLDER_MARKER } from './PLACEHOLDER_MARKER'

/**
 * A Stripe price id looks like `price_...`. Drafts may keep the seed's placeholder,
 * but a published product must name a real price, or checkout would fail for shoppers.
 */
export const validateStripePriceId: TextFieldSingleValidation = (value, { data }) => {
  const published = (data as { _status?: string } | undefined)?._status === 'published'
  if (!value) {
    return published
      ? 'A published product needs a Stripe price ID (price_...). Copy it from the Stripe dashboard.'
      : true
  }
  if (!value.startsWith('price_')) {
    return `"${value}" is not a Stripe price ID: it must start with "price_" (a product id starts with "prod_"; open the product in Stripe and copy the price's id).`
  }
  if (/\s/.test(value)) return 'The Stripe price ID must not contain spaces.'
  if (published && value.includes(PLACEHOLDER_MARKER)) {
    return `The Stripe price ID still contains the placeholder "${PLACEHOLDER_MARKER}". Replace it with the real price ID from Stripe before publishing, or save as a draft.`
  }
  return true
}
