import type Stripe from 'stripe'

import fixtures from '@/dev/stripeEmulator/fixtures.json'

let sequence = 0
const unique = (prefix: string) =>
  `${prefix}_test_${Date.now().toString(36)}${(sequence++).toString(36)}`

/**
 * Stripe's official fixture with overrides on top. Merged as plain objects and typed once at the
 * end: spreading Stripe's very large types directly makes tsc crawl.
 */
function fromFixture<T>(fixture: unknown, ...layers: object[]): T {
  return Object.assign(structuredClone(fixture) as object, ...layers) as T
}

/** A completed, paid checkout session with the fields under test overridden. */
export function checkoutSession(
  overrides: Partial<Stripe.Checkout.Session> = {},
): Stripe.Checkout.Session {
  const defaults = {
    id: unique('cs'),
    status: 'complete',
    payment_status: 'paid',
    amount_total: 4900,
    amount_subtotal: 4900,
    currency: 'usd',
    payment_intent: unique('pi'),
  }
  return fromFixture(fixtures['checkout.session'], defaults, overrides)
}

export function charge(overrides: Partial<Stripe.Charge> = {}): Stripe.Charge {
  return fromFixture(fixtures.charge, { id: unique('ch') }, overrides)
}

export function dispute(overrides: Partial<Stripe.Dispute> = {}): Stripe.Dispute {
  return fromFixture(fixtures.dispute, { id: unique('dp') }, overrides)
}

/** Stripe's event fixture wrapping `object`, as Stripe would deliver it. */
export function stripeEvent(
  type: string,
  object: unknown,
  overrides: Partial<Stripe.Event> = {},
): Stripe.Event {
  const defaults = {
    id: unique('evt'),
    type,
    created: Math.floor(Date.now() / 1000),
    api_version: '2026-10-28.endive',
    data: { object },
  }
  return fromFixture(fixtures.event, defaults, overrides)
}
