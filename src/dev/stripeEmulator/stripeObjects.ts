import { randomBytes } from 'node:crypto'

import type Stripe from 'stripe'

import fixtures from './fixtures.json'

/** How every object the emulator hands out starts: Stripe's ids, Stripe's example objects, Stripe's lists. */

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function randomSuffix(length: number): string {
  let suffix = ''
  for (const byte of randomBytes(length)) suffix += ID_ALPHABET[byte % ID_ALPHABET.length]
  return suffix
}

/**
 * Ids shaped like Stripe's test-mode ids (`cs_test_a1…`, `pi_…`, `evt_…`), so code that checks a
 * prefix or sizes a column for Stripe ids sees what it will see in production.
 */
export function newStripeId(prefix: string): string {
  // Checkout Session ids say test mode in the id and are much longer than other ids.
  if (prefix === 'cs') return `cs_test_a1${randomSuffix(56)}`
  return `${prefix}_${randomSuffix(24)}`
}

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

/** Stripe's list envelope; the emulator never pages, so `has_more` is always false. */
export function stripeList<T>(
  data: T[],
  url: string,
): { object: 'list'; data: T[]; has_more: false; url: string } {
  return { object: 'list', data, has_more: false, url }
}
