import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { failNextSends, mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { charge, checkoutSession, dispute, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: { id: number; slug: string; title: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Lifecycle Pack' })
})

/** A fresh shopper and a completed session for them; delivered as `checkout.session.completed`. */
async function buy(paymentStatus: 'paid' | 'unpaid' = 'paid') {
  const shopper = await createUser(['customer'])
  const session = checkoutSession({
    metadata: { userId: String(shopper.id), productSlug: product.slug },
    customer_email: shopper.email,
    customer_details: { ...checkoutSession().customer_details!, email: shopper.email },
    amount_total: 1500,
    payment_status: paymentStatus,
  })
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { stripeSessionId: { equals: session.id } },
  })
  return { shopper, session, purchase: docs[0] }
}

const reload = (id: number) => payload.findByID({ collection: 'purchases', id })

describe('asynchronous payments', () => {
  it('completed but unpaid → pending with no receipt; async_payment_succeeded → paid and one receipt', async () => {
    const { shopper, session, purchase } = await buy('unpaid')
    expect(purchase.status).toBe('pending')
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(0)

    const settled = { ...session, payment_status: 'paid' as const }
    expect(
      (await deliver(stripeEvent('checkout.session.async_payment_succeeded', settled))).status,
    ).toBe(200)
    expect((await reload(purchase.id)).status).toBe('paid')
    await runJobsUntil(async () => (await reload(purchase.id)).receipt?.status === 'sent')
    const mail = await mailTo(shopper.email)
    expect(mail).toHaveLength(1)
    expect(mail[0].subject).toBe('Your Test Shop purchase: Lifecycle Pack')
  })

  it('async_payment_failed → failed, and the shopper is told by email (no receipt)', async () => {
    const { shopper, session, purchase } = await buy('unpaid')
    expect(
      (await deliver(stripeEvent('checkout.session.async_payment_failed', session))).status,
    ).toBe(200)
    expect((await reload(purchase.id)).status).toBe('failed')
    await runJobsUntil(async () => (await mailTo(shopper.email)).length > 0)
    const [mail, ...more] = await mailTo(shopper.email)
    expect(more).toHaveLength(0)
    expect(mail.subject).toBe('Your Test Shop payment did not go through: Lifecycle Pack')
    expect(mail.text).toContain(`/products/${product.slug}`)
  })

  it('async_payment_succeeded arriving first (completed lost) still creates one paid purchase', async () => {
    const shopper = await createUser(['customer'])
    const session = checkoutSession({
      metadata: { userId: String(shopper.id), productSlug: product.slug },
      amount_total: 1500,
    })
    expect(
      (await deliver(stripeEvent('checkout.session.async_payment_succeeded', session))).status,
    ).toBe(200)
    expect(
      (
        await deliver(
          stripeEvent('checkout.session.completed', { ...session, payment_status: 'unpaid' }),
        )
      ).status,
    ).toBe(200)
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs.map((doc) => doc.status)).toEqual(['paid'])
  })
})

describe('refunds and disputes end access', () => {
  it('a full refund → refunded; a partial refund changes nothing', async () => {
    const { purchase, session } = await buy()
    const partial = charge({
      payment_intent: session.payment_intent as string,
      amount: 1500,
      amount_refunded: 500,
      refunded: false,
    })
    expect((await deliver(stripeEvent('charge.refunded', partial))).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('paid')

    const full = charge({
      payment_intent: session.payment_intent as string,
      amount: 1500,
      amount_refunded: 1500,
      refunded: true,
    })
    expect((await deliver(stripeEvent('charge.refunded', full))).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('refunded')
  })

  it('dispute created → disputed; closed as won → paid again, without a second receipt', async () => {
    const { shopper, purchase, session } = await buy()
    await runJobsUntil(async () => (await reload(purchase.id)).receipt?.status === 'sent')

    const opened = dispute({
      payment_intent: session.payment_intent as string,
      status: 'needs_response',
    })
    expect((await deliver(stripeEvent('charge.dispute.created', opened))).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('disputed')

    expect(
      (await deliver(stripeEvent('charge.dispute.closed', { ...opened, status: 'won' }))).status,
    ).toBe(200)
    expect((await reload(purchase.id)).status).toBe('paid')
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(1)
  })

  it('dispute closed as lost → stays disputed', async () => {
    const { purchase, session } = await buy()
    const opened = dispute({ payment_intent: session.payment_intent as string })
    await deliver(stripeEvent('charge.dispute.created', opened))
    await deliver(stripeEvent('charge.dispute.closed', { ...opened, status: 'lost' }))
    expect((await reload(purchase.id)).status).toBe('disputed')
  })

  it('a refund cannot be undone by a replayed completed event', async () => {
    const { purchase, session } = await buy()
    await deliver(
      stripeEvent(
        'charge.refunded',
        charge({ payment_intent: session.payment_intent as string, refunded: true }),
      ),
    )
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('refunded')
  })

  it('a refund for a payment the shop does not know is acknowledged and ignored', async () => {
    const event = stripeEvent(
      'charge.refunded',
      charge({ payment_intent: 'pi_unknown_to_shop', refunded: true }),
    )
    expect((await deliver(event)).status).toBe(200)
    const { docs } = await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: event.id } },
    })
    expect(docs[0]).toMatchObject({ outcome: 'ignored' })
  })
})

describe('receipts survive a Resend outage', () => {
  it('Resend failing 3 times, then recovering → exactly one receipt, status recorded', async () => {
    const shopper = await createUser(['customer'])
    await failNextSends(3)
    const session = checkoutSession({
      metadata: { userId: String(shopper.id), productSlug: product.slug },
      customer_details: { ...checkoutSession().customer_details!, email: shopper.email },
      amount_total: 1500,
    })
    // A failing email never fails the webhook.
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    const purchaseId = docs[0].id

    await runDueJobs()
    expect((await reload(purchaseId)).receipt).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/Resend refused the email/),
    })

    await runJobsUntil(async () => (await reload(purchaseId)).receipt?.status === 'sent', {
      maxWaitMs: 90_000,
    })
    await runDueJobs()
    const mail = await mailTo(shopper.email)
    expect(mail).toHaveLength(1)
    expect(mail[0].idempotency_key).toBe(`purchase-receipt/${purchaseId}`)
    const receipt = (await reload(purchaseId)).receipt
    expect(receipt?.resendId).toBe(mail[0].id)
    expect(receipt?.sentAt).toBeTruthy()
    expect((await reload(purchaseId)).status).toBe('paid')
  }, 120_000)
})
