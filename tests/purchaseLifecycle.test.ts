import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { inDurableTransaction } from '@/storefront/database/transactions'
import { transitionPurchase } from '@/storefront/fulfilment/purchases'

import { checkoutInStripe, emulatorEventFor } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { failNextSends, mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { charge, dispute, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: { id: number; slug: string; title: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Lifecycle Pack' })
})

/** A fresh shopper and a session paid in Stripe (the emulator), not yet told to the shop. */
async function checkout(pay: 'bank_transfer' | 'bank_transfer_fails' | 'card' = 'card') {
  const shopper = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
    pay,
  })
  return { shopper, session }
}

/** checkout(), then `checkout.session.completed` delivered to the webhook. */
async function buy(pay: 'bank_transfer' | 'bank_transfer_fails' | 'card' = 'card') {
  const { shopper, session } = await checkout(pay)
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { stripeSessionId: { equals: session.id } },
  })
  return { shopper, session, purchase: docs[0] }
}

const ledgerEntry = async (eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } } }))
    .docs[0]

const reload = (id: number) => payload.findByID({ collection: 'purchases', id })

describe('asynchronous payments', () => {
  it('completed but unpaid → pending with no receipt; async_payment_succeeded → paid and one receipt', async () => {
    const { shopper, session, purchase } = await buy('bank_transfer')
    expect(purchase.status).toBe('pending')
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(0)

    const settled = await emulatorEventFor('checkout.session.async_payment_succeeded', session.id)
    expect((await deliver(settled)).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('paid')
    await runJobsUntil(async () => (await reload(purchase.id)).receipt?.status === 'sent')
    const mail = await mailTo(shopper.email)
    expect(mail).toHaveLength(1)
    expect(mail[0].subject).toBe('Your Test Shop purchase: Lifecycle Pack')
  })

  it('async_payment_failed → failed, and the shopper is told by email (no receipt)', async () => {
    const { shopper, session, purchase } = await buy('bank_transfer_fails')
    const failed = await emulatorEventFor('checkout.session.async_payment_failed', session.id)
    expect((await deliver(failed)).status).toBe(200)
    expect((await reload(purchase.id)).status).toBe('failed')
    await runJobsUntil(async () => (await mailTo(shopper.email)).length > 0)
    const [mail, ...more] = await mailTo(shopper.email)
    expect(more).toHaveLength(0)
    expect(mail.subject).toBe('Your Test Shop payment did not go through: Lifecycle Pack')
    expect(mail.text).toContain(`/products/${product.slug}`)
  })

  it('async_payment_succeeded arriving first (completed late) still creates one paid purchase', async () => {
    const { session } = await checkout('bank_transfer')
    const completed = await emulatorEventFor('checkout.session.completed', session.id)
    const settled = await emulatorEventFor('checkout.session.async_payment_succeeded', session.id)
    expect((await deliver(settled)).status).toBe(200)
    expect((await deliver(completed)).status).toBe(200)
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

  it('a refund for a payment the shop does not know (yet) is acknowledged and kept, deferred', async () => {
    const event = stripeEvent(
      'charge.refunded',
      charge({ payment_intent: 'pi_unknown_to_shop', refunded: true }),
    )
    expect((await deliver(event)).status).toBe(200)
    expect(await ledgerEntry(event.id)).toMatchObject({
      outcome: 'deferred',
      paymentIntentId: 'pi_unknown_to_shop',
    })
  })
})

describe('events out of order: a refund or dispute before its checkout.session.completed', () => {
  it('a refund delivered first is applied when the purchase appears: refunded, no receipt', async () => {
    const { shopper, session } = await checkout()
    const refund = stripeEvent(
      'charge.refunded',
      charge({ payment_intent: session.payment_intent as string, refunded: true }),
    )
    expect((await deliver(refund)).status).toBe(200)
    expect(await ledgerEntry(refund.id)).toMatchObject({ outcome: 'deferred' })

    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs.map((doc) => doc.status)).toEqual(['refunded'])
    expect(await ledgerEntry(refund.id)).toMatchObject({
      outcome: 'processed',
      note: 'purchase paid → refunded (applied when the purchase was created)',
    })
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(0)
  })

  it('a dispute opened and then won before completion are applied in order: paid, one receipt', async () => {
    const { shopper, session } = await checkout()
    const opened = dispute({ payment_intent: session.payment_intent as string })
    const created = Math.floor(Date.now() / 1000)
    const openedEvent = stripeEvent('charge.dispute.created', opened, { created: created - 10 })
    const wonEvent = stripeEvent(
      'charge.dispute.closed',
      { ...opened, status: 'won' },
      { created: created - 5 },
    )
    // Delivered newest first: the ledger orders them by when Stripe created them.
    expect((await deliver(wonEvent)).status).toBe(200)
    expect((await deliver(openedEvent)).status).toBe(200)
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)

    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs.map((doc) => doc.status)).toEqual(['paid'])
    expect((await ledgerEntry(openedEvent.id)).note).toMatch(/^purchase paid → disputed/)
    expect((await ledgerEntry(wonEvent.id)).note).toMatch(/^purchase disputed → paid/)
    await runJobsUntil(async () => (await reload(docs[0].id)).receipt?.status === 'sent')
    expect(await mailTo(shopper.email)).toHaveLength(1)
  })

  it('a dispute delivered first leaves the purchase disputed: the buyer does not keep access', async () => {
    const { session } = await checkout()
    await deliver(
      stripeEvent(
        'charge.dispute.created',
        dispute({ payment_intent: session.payment_intent as string }),
      ),
    )
    await deliver(stripeEvent('checkout.session.completed', session))
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs.map((doc) => doc.status)).toEqual(['disputed'])
  })
})

describe('status changes are atomic', () => {
  it('six concurrent transitions out of paid: exactly one wins, the others see its result', async () => {
    const { purchase } = await buy()
    const targets = ['refunded', 'disputed', 'revoked', 'refunded', 'disputed', 'revoked'] as const
    const results = await Promise.all(
      targets.map((to) =>
        inDurableTransaction(payload, (req) =>
          transitionPurchase(req, { purchaseId: purchase.id, to, from: ['paid'] }),
        ),
      ),
    )
    const winners = results.filter((result) => result.changed)
    expect(winners).toHaveLength(1)
    const final = (await reload(purchase.id)).status
    expect(winners[0].purchase.status).toBe(final)
    for (const loser of results.filter((result) => !result.changed)) {
      expect(loser.previous).toBe(final)
    }
  })

  it('the same refund delivered as two events at once: one moves the purchase, one finds it moved', async () => {
    const { purchase, session } = await buy()
    const refunds = [1, 2].map(() =>
      stripeEvent(
        'charge.refunded',
        charge({ payment_intent: session.payment_intent as string, refunded: true }),
      ),
    )
    const responses = await Promise.all(refunds.map((event) => deliver(event)))
    expect(responses.map((response) => response.status)).toEqual([200, 200])
    const notes = await Promise.all(
      refunds.map(async (event) => (await ledgerEntry(event.id)).note),
    )
    expect(notes.sort()).toEqual(['purchase paid → refunded', 'purchase stays refunded'])
    expect((await reload(purchase.id)).status).toBe('refunded')
  })
})

describe('receipts survive a Resend outage', () => {
  it('Resend failing 3 times, then recovering → exactly one receipt, status recorded', async () => {
    const { shopper, session } = await checkout()
    await failNextSends(3)
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
