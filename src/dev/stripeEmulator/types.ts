import type Stripe from 'stripe'

/** A price the emulator knows, with the product it belongs to. */
export type EmulatorPriceSpec = {
  /** The Stripe price id the shop stores, e.g. `price_demo_workflow_templates`. */
  id: string
  /** Minor units (cents), like Stripe's `unit_amount`. */
  unitAmount: number
  /** @default 'usd' */
  currency?: string
  productName: string
  /** @default the price id with `price_` replaced by `prod_` */
  productId?: string
  /** @default true */
  active?: boolean
  /** Absent for one-time prices; present makes the price `type: 'recurring'`. */
  recurring?: { interval: 'day' | 'week' | 'month' | 'year'; intervalCount?: number }
}

export type StripeEmulatorOptions = {
  /** Signs every webhook; the shop verifies with the same STRIPE_WEBHOOK_SECRET. */
  webhookSecret: string
  /** 0 picks a free port. @default 0 */
  port?: number
  /** @default '127.0.0.1' (a test-mode Stripe that accepts any key stays off the network) */
  host?: string
  /** Where events are POSTed. Without it events are only recorded. */
  webhookUrl?: string
  /** Base of the hosted checkout page URL that the browser opens. @default `http://localhost:${port}` */
  publicUrl?: string
  /** Prices added to the two seeded demo prices (same id replaces the seeded one). */
  prices?: EmulatorPriceSpec[]
  /** How long a bank transfer stays `processing` before it settles. @default 3000 */
  asyncPaymentDelayMs?: number
  /** Wait before each retry after a failed delivery; the event is given up after the last. @default [5000, 30000, 120000, 600000] */
  retryDelaysMs?: number[]
  /** A delivery that takes longer counts as failed, as with Stripe. @default 10000 */
  webhookTimeoutMs?: number
  /** Event types delivered to webhookUrl (all are still recorded). @default ['*'] */
  enabledEvents?: string[]
  /** One line per API request and delivery attempt. @default silent */
  log?: (line: string) => void
  /**
   * Told every API answer and every event as it happens; reset() does not stop it. For checking
   * everything the emulator says during a test run against the pinned SDK's types.
   */
  transcript?: (entry: TranscriptEntry) => void
}

/** One thing the emulator said: an answer to an API request, or an event it created. */
export type TranscriptEntry =
  | {
      kind: 'api'
      method: string
      /** Without the query string. */
      path: string
      /** What the client sent, parsed (values stay strings, as on the wire). */
      params: StripeParams
      status: number
      /** The JSON body of the answer. */
      body: unknown
      /** The answer was a test's canned fault (POST /_emulator/faults), not the emulator's own. */
      injected: boolean
      /** The answer was replayed for a repeated idempotency key. */
      replayed: boolean
    }
  | { kind: 'event'; event: EmulatedEvent }

/** Parsed form or query parameters, as Stripe's bracket notation describes them. */
export type StripeParams = { [key: string]: StripeParamValue }
export type StripeParamValue = string | StripeParams | StripeParamValue[]

/** The API request that caused an event; Stripe puts it in `event.request`. */
export type ApiRequestInfo = { id: string; idempotencyKey: string | null }

export type RecordedRequest = {
  id: string
  at: string
  method: string
  /** Without the query string. */
  path: string
  /** Body for POST, query for GET, parsed into nested objects and arrays (values stay strings). */
  params: StripeParams
  idempotencyKey: string | null
  /** True when the response was replayed from an earlier request with the same idempotency key. */
  idempotentReplayed: boolean
  status: number
}

export type EmulatedEvent = {
  id: string
  object: 'event'
  api_version: string
  created: number
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> }
  livemode: boolean
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export type DeliveryAttempt = {
  number: number
  trigger: 'automatic' | 'retry' | 'resend'
  at: string
  url: string
  /** HTTP status, or null when the request failed (connection refused, timeout). */
  status: number | null
  error: string | null
  /** The first 500 characters of the receiver's answer, to see why it refused. */
  responseBody: string | null
  /** Delay before the retry this failure scheduled; null when none follows. */
  nextRetryInMs: number | null
}

export type EventRecord = {
  event: EmulatedEvent
  delivery: {
    status: 'not_sent' | 'pending' | 'succeeded' | 'failed'
    attempts: DeliveryAttempt[]
  }
}

/** How the shopper pays on the hosted page. */
export type CheckoutPayment =
  | { method: 'card'; cardNumber: string; email?: string; name?: string }
  | { method: 'bank_transfer'; outcome: 'succeeds' | 'fails'; email?: string; name?: string }

/** `paid` (card) and `processing` (bank debit) both complete the session and send the shopper to success_url. */
export type CheckoutPaymentResult =
  | { outcome: 'paid'; session: Stripe.Checkout.Session; redirectUrl: string }
  | { outcome: 'processing'; session: Stripe.Checkout.Session; redirectUrl: string }
  | { outcome: 'declined' | 'invalid'; session: Stripe.Checkout.Session; message: string }

export type StripeEmulator = {
  /** Base URL of the API and admin endpoints, e.g. http://127.0.0.1:12111 */
  url: string
  port: number
  publicUrl: string
  webhookSecret: string
  /** Spread into `new Stripe(key, { ...emulator.stripeConfig })`. */
  stripeConfig: { host: string; port: number; protocol: 'http' }
  requests: () => RecordedRequest[]
  events: () => EventRecord[]
  event: (id: string) => EventRecord | undefined
  /** Delivers the stored event again now, same id and payload (`stripe events resend`). */
  resendEvent: (id: string) => Promise<DeliveryAttempt>
  /** What POSTing the hosted page does, without the page. */
  payCheckoutSession: (sessionId: string, payment: CheckoutPayment) => CheckoutPaymentResult
  /** Opens a dispute on a charge (or a payment intent's charge) and fires `charge.dispute.created`. */
  openDispute: (chargeOrPaymentIntentId: string, options?: { reason?: string }) => Stripe.Dispute
  /** Fires `charge.dispute.closed`. */
  closeDispute: (disputeId: string, status: 'won' | 'lost') => Stripe.Dispute
  /** Resolves once no delivery, retry or pending bank transfer is left. */
  idle: () => Promise<void>
  /** Forgets sessions, payments, events and requests; keeps the configured prices. */
  reset: () => void
  close: () => Promise<void>
}
