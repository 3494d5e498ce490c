import type Stripe from 'stripe'

import type { EmulatorState } from './createEmulatorState'

import { newStripeId } from './newStripeId'

/**
 * Stripe's `item` object for one line of a Checkout Session. The fixtures carry no line item,
 * so the shape follows the API reference: amounts, description (the product name) and the full price.
 */
export function buildLineItem(
  price: Stripe.Price,
  quantity: number,
  state: EmulatorState,
): Stripe.LineItem {
  const amount = (price.unit_amount ?? 0) * quantity
  const productName = state.products.get(
    typeof price.product === 'string' ? price.product : price.product.id,
  )?.name
  return {
    id: newStripeId('li'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: productName ?? null,
    metadata: {},
    price: structuredClone(price),
    quantity,
  }
}
