import type Stripe from 'stripe'

import { formatPrice } from '../utilities/formatPrice'

type ProductPricing = { priceCents: number; currency: string }

/** What differs between the Stripe price and the product, one sentence each; empty when they agree. */
export function describePriceMismatch(price: Stripe.Price, product: ProductPricing): string[] {
  const problems: string[] = []
  if (!price.active) problems.push(`price ${price.id} is archived in Stripe; use an active price`)
  if (price.type !== 'one_time')
    problems.push(
      `price ${price.id} is a recurring (subscription) price; digital downloads need a one-time price`,
    )
  if (price.currency !== product.currency) {
    problems.push(
      `Stripe charges in ${price.currency.toUpperCase()} but the product says ${product.currency.toUpperCase()}`,
    )
  } else if (price.unit_amount !== product.priceCents) {
    const stripeAmount =
      price.unit_amount === null
        ? 'a custom amount'
        : formatPrice(price.unit_amount, price.currency)
    problems.push(
      `Stripe charges ${stripeAmount} but the product says ${formatPrice(product.priceCents, product.currency)}`,
    )
  }
  return problems
}
