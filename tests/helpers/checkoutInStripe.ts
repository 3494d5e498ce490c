import type Stripe from 'stripe'

import { setTimeout as sleep } from 'node:timers/promises'
import { expect, inject } from 'vitest'

import { getStorefrontOptions } from 'payload-plugin-storefront'
import { getStripeClient } from '@/storefront/stripe/client'

import { getTestPayload } from './getTestPayload'
import { injectStripeFault } from './stripeEmulator'

/** The real stripe SDK, pointed at this run's emulator the way the shop is. */
export async function testStripe(): Promise<Stripe> {
  const { stripe } = getStorefrontOptions(await getTestPayload())
  return getStripeClient({ ...stripe, secretKey: stripe.secretKey! })
}

/** The Stripe price a product sells at (price_test_123 when there is no such product). */
async function priceOf(productSlug: string | undefined): Promise<string> {
  if (!productSlug) return 'price_test_123'
  const payload = await getTestPayload()
  const { docs } = await payload.find({
    collection: 'products',
    where: { slug: { equals: productSlug } },
    limit: 1,
    depth: 0,
  })
  return docs[0]?.stripePriceId ?? 'price_test_123'
}

/** How the shopper pays on the emulator's hosted page; `none` leaves the session open. */
export type Payment = 'bank_transfer' | 'bank_transfer_fails' | 'card' | 'declined_card' | 'none'

/**
 * A Checkout Session that exists in Stripe (the emulator), created the way POST /api/checkout
 * creates one and paid on the hosted page like a shopper would. Metadata can be left out or
 * replaced to build sessions the shop cannot attribute.
 * @returns the session as Stripe has it now, line items expanded
 */
export async function checkoutInStripe(args: {
  userId?: number | string
  email?: string
  productSlug?: string
  priceId?: string
  metadata?: Record<string, string>
  pay?: Payment
}): Promise<Stripe.Checkout.Session> {
  const stripe = await testStripe()
  const metadata = args.metadata ?? {
    ...(args.userId !== undefined ? { userId: String(args.userId) } : {}),
    ...(args.productSlug ? { productSlug: args.productSlug } : {}),
  }
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: args.priceId ?? (await priceOf(args.productSlug)), quantity: 1 }],
    ...(args.email ? { customer_email: args.email } : {}),
    ...(args.userId !== undefined ? { client_reference_id: String(args.userId) } : {}),
    metadata,
    success_url: 'http://localhost:3000/products/account?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/products',
  })
  const pay = args.pay ?? 'card'
  if (pay !== 'none') {
    const form: Record<string, string> =
      pay === 'card' || pay === 'declined_card'
        ? {
            method: 'card',
            card_number: pay === 'card' ? '4242 4242 4242 4242' : '4000 0000 0000 0002',
          }
        : { method: pay }
    // The hosted page asks for an email when the session has none.
    form.email = args.email ?? 'shopper@test.example'
    const paid = await fetch(created.url!, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    })
    expect(paid.status).toBe(pay === 'declined_card' ? 402 : 303)
  }
  return stripe.checkout.sessions.retrieve(created.id, { expand: ['line_items'] })
}

/**
 * The event the emulator itself produced for this session (full Stripe shape), waiting for it
 * while a bank transfer settles. The tests deliver it, signed, to the webhook.
 */
export async function emulatorEventFor(
  type: string,
  objectId: string,
  { maxWaitMs = 15_000 } = {},
): Promise<Stripe.Event> {
  const deadline = Date.now() + maxWaitMs
  for (;;) {
    const response = await fetch(
      `${inject('stripeEmulatorUrl')}/_emulator/events?type=${encodeURIComponent(type)}`,
    )
    const { data } = (await response.json()) as { data: Array<{ event: Stripe.Event }> }
    const found = data.find(
      ({ event }) => (event.data.object as { id?: string }).id === objectId,
    )?.event
    if (found) return found
    if (Date.now() > deadline) throw new Error(`The emulator sent no ${type} for ${objectId}`)
    await sleep(100)
  }
}

/**
 * Makes Stripe (the emulator) answer the next `count` retrievals of this session id with exactly
 * `session`: for sessions the emulator cannot create (other modes, currencies, statuses), built
 * from Stripe's fixture. Uses the emulator's fault route, which answers a path with a given body.
 */
export async function stripeAnswersSession(
  session: Record<string, unknown> & { id: string },
  count = 20,
): Promise<void> {
  await injectStripeFault({
    method: 'GET',
    path: `/v1/checkout/sessions/${session.id}`,
    status: 200,
    body: session,
    count,
  })
}
