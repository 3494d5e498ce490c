import type Stripe from 'stripe'

import fixtures from './fixtures.json'

type FixtureTypes = {
  charge: Stripe.Charge
  'checkout.session': Stripe.Checkout.Session
  dispute: Stripe.Dispute
  event: Record<string, unknown>
  payment_intent: Stripe.PaymentIntent
  price: Stripe.Price
  product: Stripe.Product
  refund: Stripe.Refund
}

/**
 * A fresh copy of Stripe's own example object. Builders start from it and override what the
 * emulator knows, so every response keeps Stripe's full shape: nulls, nested objects, all fields.
 */
export function stripeFixture<Name extends keyof FixtureTypes>(name: Name): FixtureTypes[Name] {
  return structuredClone(fixtures[name]) as unknown as FixtureTypes[Name]
}
