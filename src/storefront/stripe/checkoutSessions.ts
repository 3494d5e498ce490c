import type Stripe from 'stripe'

import { createHash } from 'node:crypto'

import type { StripeKeys } from './client'

import { getStripeClient } from './client'

export type CheckoutSessionRequest = {
  priceId: string
  productSlug: string
  user: { id: number | string; email: string }
  /**
   * How many purchases the shopper already has of this product (any status). A checkout that
   * completed (paid, or a bank transfer that later failed) makes the next one a new attempt, so
   * "Try again" within the same minute gets a fresh session, not the finished one.
   */
  previousPurchases: number
  successUrl: string
  cancelUrl: string
}

/**
 * Same shopper, product, price, attempt and minute: a double submit or a client retry gets the same session
 * back from Stripe instead of a second one; a later attempt gets a fresh session. Hashed, because
 * Stripe refuses keys over 255 characters and slugs and ids are the editor's to choose.
 */
export function checkoutIdempotencyKey(
  request: Pick<CheckoutSessionRequest, 'previousPurchases' | 'priceId' | 'productSlug' | 'user'>,
  now = Date.now(),
): string {
  const minute = Math.floor(now / 60_000)
  const parts = JSON.stringify([
    String(request.user.id),
    request.productSlug,
    request.priceId,
    request.previousPurchases,
  ])
  return `checkout-session/${createHash('sha256').update(`${parts}/${minute}`).digest('hex')}`
}

/**
 * One Stripe Checkout Session for one product, paid once (mode payment, quantity 1).
 * The metadata (userId, productSlug) is what fulfilment reads back from the webhook.
 */
export function createCheckoutSession(
  connection: StripeKeys,
  request: CheckoutSessionRequest,
): Promise<Stripe.Checkout.Session> {
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [{ price: request.priceId, quantity: 1 }],
    customer_email: request.user.email,
    client_reference_id: String(request.user.id),
    metadata: { userId: String(request.user.id), productSlug: request.productSlug },
    allow_promotion_codes: false,
    success_url: request.successUrl,
    cancel_url: request.cancelUrl,
  }
  return getStripeClient(connection).checkout.sessions.create(params, {
    idempotencyKey: checkoutIdempotencyKey(request),
  })
}

/**
 * The checkout session as Stripe has it now, with its line items: fulfilment trusts this, never
 * the event body or the query string, to decide what was sold and whether it was paid.
 */
export function retrieveCheckoutSession(
  connection: StripeKeys,
  sessionId: string,
): Promise<Stripe.Checkout.Session> {
  return getStripeClient(connection).checkout.sessions.retrieve(sessionId, {
    expand: ['line_items'],
  })
}

/** The Stripe product a price belongs to (another price of the same product sells it too). */
export async function stripeProductOfPrice(
  connection: StripeKeys,
  priceId: string,
): Promise<string> {
  const price = await getStripeClient(connection).prices.retrieve(priceId)
  return typeof price.product === 'string' ? price.product : price.product.id
}

/**
 * True when Stripe answered that the object does not exist (a forged or foreign id), as opposed
 * to Stripe being unreachable. Checked by shape, like the plugin's other error checks.
 */
export function isMissingStripeObject(error: unknown): boolean {
  const candidate = error as null | { code?: unknown; statusCode?: unknown }
  return candidate?.code === 'resource_missing' || candidate?.statusCode === 404
}

/** The id of a payment intent field that Stripe sends either as an id or expanded. */
export function paymentIntentIdOf(
  value: null | string | { id: string } | undefined,
): null | string {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

/**
 * Completed Checkout Sessions created in a window, newest first, one page of up to 100 at a time
 * (Stripe's `starting_after` cursor), so a caller can act on each page before asking for the next.
 */
export async function* completedSessionPages(
  connection: StripeKeys,
  window: { from: Date; to: Date },
): AsyncGenerator<Stripe.Checkout.Session[]> {
  const stripe = getStripeClient(connection)
  const created = {
    gte: Math.floor(window.from.getTime() / 1000),
    lte: Math.ceil(window.to.getTime() / 1000),
  }
  let startingAfter: string | undefined
  for (;;) {
    const page = await stripe.checkout.sessions.list({
      created,
      status: 'complete',
      limit: 100,
      ...(startingAfter ? { starting_after: startingAfter } : {}),
    })
    if (page.data.length) yield page.data
    if (!page.has_more || !page.data.length) return
    startingAfter = page.data[page.data.length - 1].id
  }
}

/**
 * True when the payment behind an unpaid, completed session failed for good (a bank debit that
 * bounced): Stripe leaves the session `unpaid` either way and puts the answer on the payment intent.
 */
export async function asyncPaymentFailed(
  connection: StripeKeys,
  paymentIntentId: null | string,
): Promise<boolean> {
  if (!paymentIntentId) return false
  const intent = await getStripeClient(connection).paymentIntents.retrieve(paymentIntentId)
  return intent.status === 'requires_payment_method' || intent.status === 'canceled'
}
