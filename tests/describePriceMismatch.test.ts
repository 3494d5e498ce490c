import type Stripe from 'stripe'

import { describe, expect, it } from 'vitest'

import { describePriceMismatch } from '@/storefront/stripe/prices'

import fixtures from '@/dev/stripeEmulator/fixtures.json'

const priceFixture = fixtures.price

/** Stripe's own price fixture with the fields under test overridden. */
function price(overrides: Partial<Stripe.Price>): Stripe.Price {
  return { ...(priceFixture as unknown as Stripe.Price), ...overrides }
}

describe('describePriceMismatch', () => {
  const product = { priceCents: 4900, currency: 'usd' }

  it('finds nothing when an active one-time price matches amount and currency', () => {
    expect(
      describePriceMismatch(
        price({ active: true, type: 'one_time', unit_amount: 4900, currency: 'usd' }),
        product,
      ),
    ).toEqual([])
  })

  it('names each difference in words an editor understands', () => {
    const problems = describePriceMismatch(
      price({
        id: 'price_x',
        active: false,
        type: 'recurring',
        unit_amount: 5900,
        currency: 'usd',
      }),
      product,
    )
    expect(problems).toEqual([
      'price price_x is archived in Stripe; use an active price',
      'price price_x is a recurring (subscription) price; digital downloads need a one-time price',
      'Stripe charges $59.00 but the product says $49.00',
    ])
  })

  it('reports a currency mismatch', () => {
    expect(
      describePriceMismatch(
        price({ active: true, type: 'one_time', unit_amount: 4900, currency: 'eur' }),
        product,
      ),
    ).toEqual(['Stripe charges in EUR but the product says USD'])
  })
})
