import type Stripe from 'stripe'

import fixtures from '@/dev/stripeEmulator/fixtures.json'

let sequence = 0
const unique = (prefix: string) => `${prefix}_test_${Date.now().toString(36)}${(sequence++).toString(36)}`

const clone = <T>(value: unknown): T => structuredClone(value) as T

/** Stripe's official checkout.session fixture, completed and paid, with the fields under test overridden. */
export function checkoutSession(overrides: Partial<Stripe.Checkout.Session> = {}): Stripe.Checkout.Session {
  return {
    ...clone<Stripe.Checkout.Session>(fixtures['checkout.session']),
    id: unique('cs'),
    status: 'complete',
    payment_status: 'paid',
    amount_total: 4900,
    amount_subtotal: 4900,
    currency: 'usd',
    payment_intent: unique('pi'),
    ...overrides,
  }
}

export function charge(overrides: Partial<Stripe.Charge> = {}): Stripe.Charge {
  return { ...clone<Stripe.Charge>(fixtures.charge), id: unique('ch'), ...overrides }
}

export function dispute(overrides: Partial<Stripe.Dispute> = {}): Stripe.Dispute {
  return { ...clone<Stripe.Dispute>(fixtures.dispute), id: unique('dp'), ...overrides }
}

/** Stripe's event fixture wrapping `object`, as Stripe would deliver it. */
export function stripeEvent(type: string, object: unknown, overrides: Partial<Stripe.Event> = {}): Stripe.Event {
  return {
    ...clone<Stripe.Event>(fixtures.event),
    id: unique('evt'),
    type,
    created: Math.floor(Date.now() / 1000),
    api_version: '2026-10-28.endive',
    data: { object },
    ...overrides,
  } as Stripe.Event
}
