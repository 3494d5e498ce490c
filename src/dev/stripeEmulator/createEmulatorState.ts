import type Stripe from 'stripe'

import type { EmulatorPriceSpec, EventRecord, RecordedRequest } from './types'
import type { CheckoutSessionRequest } from './validateCheckoutSessionParams'

import { buildPriceObjects } from './buildPriceObjects'

/** The next `remaining` requests to `method path` get `status` and `body` instead of the real answer. */
export type InjectedFault = {
  method: string
  path: string
  status: number
  body: unknown
  remaining: number
}

/** A response kept for an idempotency key, with what identifies the request it answered. */
type StoredIdempotentResponse = {
  method: string
  path: string
  body: string
  status: number
  response: string
  requestId: string
}

export type EmulatorState = ReturnType<typeof createEmulatorState>

/** Object families by id prefix, so `expand` and the retrieve routes can find any object by id. */
const PREFIXES = {
  price_: 'prices',
  prod_: 'products',
  cs_: 'sessions',
  pi_: 'paymentIntents',
  ch_: 'charges',
  re_: 'refunds',
  dp_: 'disputes',
  issfr_: 'earlyFraudWarnings',
} as const

/** Everything the emulator knows lives in memory, like stripe-mock: a restart is a clean account. */
export function createEmulatorState(priceSpecs: EmulatorPriceSpec[]) {
  const state = {
    prices: new Map<string, Stripe.Price>(),
    products: new Map<string, Stripe.Product>(),
    sessions: new Map<string, Stripe.Checkout.Session>(),
    /** Line items are not part of the session object; Stripe lists them separately or on expand. */
    lineItems: new Map<string, Stripe.LineItem[]>(),
    /** `payment_intent_data` from session creation, applied when Checkout creates the PaymentIntent. */
    intentData: new Map<string, CheckoutSessionRequest['paymentIntentData']>(),
    paymentIntents: new Map<string, Stripe.PaymentIntent>(),
    charges: new Map<string, Stripe.Charge>(),
    refunds: new Map<string, Stripe.Refund>(),
    disputes: new Map<string, Stripe.Dispute>(),
    earlyFraudWarnings: new Map<string, Stripe.Radar.EarlyFraudWarning>(),
    events: new Map<string, EventRecord>(),
    requests: [] as RecordedRequest[],
    idempotency: new Map<string, StoredIdempotentResponse>(),
    /** Canned answers for the next matching API requests (POST /_emulator/faults). */
    faults: [] as InjectedFault[],

    findById(id: string): { id: string; object: string } | undefined {
      const entry = Object.entries(PREFIXES).find(([prefix]) => id.startsWith(prefix))
      return entry ? state[entry[1]].get(id) : undefined
    },

    reset(): void {
      for (const value of Object.values(state)) {
        if (value instanceof Map) value.clear()
      }
      state.requests.length = 0
      state.faults.length = 0
      const created = Math.floor(Date.now() / 1000)
      for (const spec of priceSpecs) {
        const { price, product } = buildPriceObjects(spec, created)
        state.prices.set(price.id, price)
        state.products.set(product.id, product)
      }
    },
  }
  state.reset()
  return state
}
