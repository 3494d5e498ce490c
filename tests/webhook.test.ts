import type { Payload } from 'payload'

import StripeSDK from 'stripe'
import { beforeAll, describe, expect, it } from 'vitest'

import { TEST_WEBHOOK_SECRET } from './setup/TEST_WEBHOOK_SECRET'
import { rest } from './helpers/api'
import { checkoutInStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { checkoutSession, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver, signature, waitingApplicationsOf } from './helpers/webhook'

let payload: Payload
let product: { id: number; slug: string; title: string }
let shopper: { id: number; email: string }

const purchasesFor = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs

const ledgerFor = async (eventId: string) =>
  (
    await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: eventId } },
    })
  ).docs

/** A session that exists in Stripe (the emulator), paid by card, for `buyer`. */
function paidSessionFor(
  buyer: { id: number; email: string } = shopper,
  metadata?: Record<string, string>,
) {
  return checkoutInStripe({
    userId: buyer.id,
    email: buyer.email,
    productSlug: product.slug,
    metadata,
  })
}

/** A session body for the signature tests, which never reach Stripe. */
function sessionFor() {
  return checkoutSession({
    metadata: { userId: String(shopper.id), productSlug: product.slug },
    amount_total: 1500,
  })
}

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct()
  shopper = await createUser(['customer'])
})

describe('POST /api/stripe/webhook: verification', () => {
  it('400 without a Stripe-Signature header, and records nothing', async () => {
    const event = stripeEvent('checkout.session.completed', sessionFor())
    const response = await rest('POST', '/stripe/webhook', { rawBody: JSON.stringify(event) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/Missing Stripe-Signature/)
    expect(
      (
        await payload.count({
          collection: 'stripe-events',
          where: { eventId: { equals: event.id } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('400 for a signature made with another secret', async () => {
    const event = stripeEvent('checkout.session.completed', sessionFor())
    const response = await deliver(event, { secret: 'whsec_forged' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/Invalid Stripe signature/)
    expect(await purchasesFor((event.data.object as { id: string }).id)).toHaveLength(0)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('400 for a body changed after signing', async () => {
    const event = stripeEvent('checkout.session.completed', sessionFor())
    const signed = JSON.stringify(event)
    const tampered = signed.replace('"amount_total":1500', '"amount_total":1')
    const response = await rest('POST', '/stripe/webhook', {
      rawBody: tampered,
      headers: { 'Stripe-Signature': signature(signed) },
    })
    expect(response.status).toBe(400)
    // The SDK's own explanation, cut to its first 300 characters (it runs to several paragraphs).
    const sdkMessage = (() => {
      try {
        StripeSDK.webhooks.constructEvent(tampered, signature(signed), TEST_WEBHOOK_SECRET)
      } catch (error) {
        return (error as Error).message
      }
      throw new Error('the SDK accepted a tampered body')
    })()
    expect(sdkMessage.length).toBeGreaterThan(300)
    expect(await response.json()).toEqual({
      error: `Invalid Stripe signature: ${sdkMessage.slice(0, 300)}`,
    })
    expect(sdkMessage).toMatch(/^No signatures found matching the expected signature/)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('400 for a stale timestamp (a replay older than the 5 minute tolerance)', async () => {
    const event = stripeEvent('checkout.session.completed', sessionFor())
    const response = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/tolerance/i)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('400 for a timestamp in the future (the SDK alone would accept it)', async () => {
    const event = stripeEvent('checkout.session.completed', sessionFor())
    const response = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) + 60 * 60 })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/in the future/)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })
})

describe('POST /api/stripe/webhook: checkout.session.completed', () => {
  it('creates exactly one paid purchase from the session as Stripe has it, and records the event', async () => {
    const session = await paidSessionFor()
    const event = stripeEvent('checkout.session.completed', session)
    const response = await deliver(event)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true })

    const [purchase, ...others] = await purchasesFor(session.id)
    expect(others).toHaveLength(0)
    expect(purchase).toMatchObject({
      productSlug: product.slug,
      stripeSessionId: session.id,
      stripePaymentIntentId: session.payment_intent,
      amountCents: 1500,
      currency: 'usd',
      status: 'paid',
      source: 'stripe',
      customerEmail: shopper.email,
    })
    expect(typeof purchase.user === 'object' ? purchase.user.id : purchase.user).toBe(shopper.id)
    expect(typeof purchase.product === 'object' ? purchase.product?.id : purchase.product).toBe(
      product.id,
    )
    expect(purchase.paidAt).toBeTruthy()

    const ledger = await ledgerFor(event.id)
    expect(ledger).toHaveLength(1)
    expect(ledger[0]).toMatchObject({
      type: 'checkout.session.completed',
      outcome: 'processed',
      note: 'created purchase, status paid',
      paymentIntentId: session.payment_intent,
    })
  })

  it('a replay answers 200, creates no second purchase and sends no second receipt', async () => {
    const session = await paidSessionFor()
    const event = stripeEvent('checkout.session.completed', session)
    expect((await deliver(event)).status).toBe(200)
    const [purchase] = await purchasesFor(session.id)
    await runJobsUntil(
      async () =>
        (await payload.findByID({ collection: 'purchases', id: purchase.id })).receipt?.status ===
        'sent',
    )
    const receiptsBefore = (await mailTo(shopper.email)).length

    const replay = await deliver(event)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual({ received: true, duplicate: true })
    await runDueJobs()

    expect(await purchasesFor(session.id)).toHaveLength(1)
    expect((await mailTo(shopper.email)).length).toBe(receiptsBefore)
  })

  it('400 when the session has no userId metadata, and creates nothing', async () => {
    const session = await paidSessionFor(shopper, { productSlug: product.slug })
    const event = stripeEvent('checkout.session.completed', session)
    const response = await deliver(event)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /no userId in its metadata/,
    )
    expect(await purchasesFor(session.id)).toHaveLength(0)
    expect((await ledgerFor(event.id))[0]).toMatchObject({ outcome: 'rejected' })
  })

  it('400 when the session has no productSlug metadata, and creates nothing', async () => {
    const session = await paidSessionFor(shopper, { userId: String(shopper.id) })
    const response = await deliver(stripeEvent('checkout.session.completed', session))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /no productSlug in its metadata/,
    )
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })

  it('a session naming a user that does not exist is accepted, then rejected with why, and creates nothing', async () => {
    const session = await paidSessionFor(shopper, {
      userId: '99999999',
      productSlug: product.slug,
    })
    const event = stripeEvent('checkout.session.completed', session)
    // Whether the user exists is a database question, asked when the event is applied, not
    // before Stripe hears back.
    const response = await deliver(event)
    expect(response.status).toBe(200)
    expect(await ledgerFor(event.id)).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        note: expect.stringMatching(/names user 99999999, who does not exist/),
      }),
    ])
    expect(await purchasesFor(session.id)).toHaveLength(0)
    // A refusal is not retried: the job completed.
    expect(await waitingApplicationsOf(event.id)).toEqual([])
  })

  it('200 for an event type the shop does not use, with no purchase, recorded as ignored', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_123', object: 'customer' })
    const response = await deliver(event)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true })
    expect(await ledgerFor(event.id)).toEqual([
      expect.objectContaining({
        outcome: 'ignored',
        note: 'event type customer.created is not used by the shop',
      }),
    ])
  })

  it('20 concurrent deliveries of one event: one purchase, one receipt', async () => {
    const buyer = await createUser(['customer'])
    const session = await paidSessionFor(buyer)
    const event = stripeEvent('checkout.session.completed', session)
    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(event)))
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    expect(await purchasesFor(session.id)).toHaveLength(1)

    await runJobsUntil(async () => (await mailTo(buyer.email)).length > 0)
    await runDueJobs()
    expect(await mailTo(buyer.email)).toHaveLength(1)
  })
})
