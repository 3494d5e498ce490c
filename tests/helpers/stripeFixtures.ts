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

/** Stripe's price fixture as a one-time price with the given id, product, amount and currency. */
export function price(overrides: Partial<Stripe.Price> = {}): Stripe.Price {
  return fromFixture(
    fixtures.price,
    { type: 'one_time', recurring: null, active: true, unit_amount: 1500, currency: 'usd' },
    overrides,
  )
}

/** The `line_items` list Stripe includes when a session is retrieved with expand[]=line_items. */
export function lineItems(
  items: Array<{ price: Stripe.Price; quantity?: number }>,
): Stripe.ApiList<Stripe.LineItem> {
  const data = items.map(({ price: itemPrice, quantity = 1 }) => {
    const amount = (itemPrice.unit_amount ?? 0) * quantity
    return {
      id: unique('li'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: itemPrice.currency,
      description: null,
      metadata: {},
      price: itemPrice,
      quantity,
    }
  })
  return {
    object: 'list',
    data,
    has_more: false,
    url: '/v1/checkout/sessions/x/line_items',
  } as never
}
