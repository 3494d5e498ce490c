import type Stripe from 'stripe'

import type { EmulatorPriceSpec } from './types'

import { stripeFixture } from './stripeObjects'

/** A Stripe price and its product from the short spec the emulator is configured with. */
export function buildPriceObjects(
  spec: EmulatorPriceSpec,
  created: number,
): { price: Stripe.Price; product: Stripe.Product } {
  const productId = spec.productId ?? spec.id.replace(/^price_/, 'prod_')
  const price: Stripe.Price = {
    ...stripeFixture('price'),
    id: spec.id,
    active: spec.active ?? true,
    created,
    currency: spec.currency ?? 'usd',
    custom_unit_amount: null,
    livemode: false,
    metadata: {},
    product: productId,
    recurring: spec.recurring
      ? {
          interval: spec.recurring.interval,
          interval_count: spec.recurring.intervalCount ?? 1,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    transform_quantity: null,
    type: spec.recurring ? 'recurring' : 'one_time',
    unit_amount: spec.unitAmount,
    // On the wire decimals are strings; the SDK turns them into its Decimal type when it reads the response.
    unit_amount_decimal: String(spec.unitAmount) as unknown as Stripe.Price['unit_amount_decimal'],
  }
  const product: Stripe.Product = {
    ...stripeFixture('product'),
    id: productId,
    active: true,
    created,
    default_price: spec.id,
    description: null,
    livemode: false,
    metadata: {},
    name: spec.productName,
    package_dimensions: null,
    // Required since the SDK's API version; a product with no tax code has none.
    tax_details: null,
    // Digital downloads: Stripe's `service` type, nothing to ship.
    type: 'service',
    updated: created,
  }
  return { price, product }
}
