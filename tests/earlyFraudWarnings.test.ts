import type { Payload } from 'payload'

import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { getStorefrontOptions } from 'payload-plugin-storefront'

import { checkoutInStripe, emulatorEventFor, testStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct, type TestProduct } from './helpers/products'
import { stripeRequests } from './helpers/stripeEmulator'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: TestProduct

/** The card's issuer warns of fraud on this payment (the emulator's Radar). */
async function issuerWarns(paymentIntentId: string): Promise<{ id: string }> {
  const response = await fetch(
    `${inject('stripeEmulatorUrl')}/_emulator/charges/${paymentIntentId}/early_fraud_warning`,
    { method: 'POST', body: new URLSearchParams({ fraud_type: 'made_with_stolen_card' }) },
  )
  expect(response.status).toBe(200)
  return (await response.json()) as { id: string }
}

async function warningDelivered(paymentIntentId: string) {
  const warning = await issuerWarns(paymentIntentId)
  const event = await emulatorEventFor('radar.early_fraud_warning.created', warning.id)
  expect((await deliver(event)).status).toBe(200)
  return { warning, event }
}

const purchaseOf = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs[0]

/** Paid through Stripe and told to the shop; the receipt is sent unless `sendReceipt` is false. */
async function paidPurchase({ sendReceipt = true } = {}) {
  const shopper = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
  })
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  if (sendReceipt) await runJobsUntil(async () => (await mailTo(shopper.email)).length === 1)
  return { shopper, session, purchase: await purchaseOf(session.id) }
}

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Fraud Warning Pack' })
})

afterEach(() => {
  getStorefrontOptions(payload).earlyFraudWarnings.refund = false
})

describe('radar.early_fraud_warning.created', () => {
  it('revokes access at once and records why; refunds nothing with the option off', async () => {
    const { purchase } = await paidPurchase()
    const { warning, event } = await warningDelivered(purchase.stripePaymentIntentId!)

    const after = await payload.findByID({ collection: 'purchases', id: purchase.id })
    expect(after.status).toBe('revoked')
    expect(after.statusReason).toBe(
      `Stripe early fraud warning ${warning.id} (made_with_stolen_card)`,
    )
    const ledger = await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: event.id } },
    })
    expect(ledger.docs[0]).toMatchObject({ outcome: 'processed', note: 'purchase paid → revoked' })
    const refunds = (await stripeRequests('/v1/refunds')).filter(
      (request) => request.params.payment_intent === purchase.stripePaymentIntentId,
    )
    expect(refunds).toEqual([])
  })

  it('with refund on: refunds once (reason fraudulent), stays revoked after charge.refunded, and never sends another receipt', async () => {
    getStorefrontOptions(payload).earlyFraudWarnings.refund = true
    const { shopper, purchase } = await paidPurchase()
    const { warning, event } = await warningDelivered(purchase.stripePaymentIntentId!)

    const refundsFor = async () =>
      (await stripeRequests('/v1/refunds')).filter(
        (request) => request.params.payment_intent === purchase.stripePaymentIntentId,
      )
    expect(await refundsFor()).toEqual([
      expect.objectContaining({
        idempotencyKey: `storefront-efw-refund/${warning.id}`,
        params: expect.objectContaining({ reason: 'fraudulent' }),
        status: 200,
      }),
    ])
    const revoked = await payload.findByID({ collection: 'purchases', id: purchase.id })
    expect(revoked.status).toBe('revoked')
    expect(revoked.statusReason).toMatch(/; refunded in Stripe \(re_/)

    // Stripe delivers the warning again and then the refund: nothing changes twice.
    expect(await (await deliver(event)).json()).toMatchObject({ duplicate: true })
    expect(await refundsFor()).toHaveLength(1)
    const intent = await (
      await testStripe()
    ).paymentIntents.retrieve(revoked.stripePaymentIntentId!)
    const refunded = await emulatorEventFor('charge.refunded', intent.latest_charge as string)
    expect((await deliver(refunded)).status).toBe(200)
    expect((await payload.findByID({ collection: 'purchases', id: purchase.id })).status).toBe(
      'revoked',
    )
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(1)
  })

  it('a receipt still waiting in the queue when the warning arrives is never sent', async () => {
    const { shopper, purchase } = await paidPurchase({ sendReceipt: false })
    await warningDelivered(purchase.stripePaymentIntentId!)
    await runDueJobs()
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(0)
    const after = await payload.findByID({ collection: 'purchases', id: purchase.id })
    expect(after.receipt?.status).not.toBe('sent')
  })

  it('a warning before the checkout completed waits, then revokes the purchase as it is created: no receipt', async () => {
    const shopper = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: shopper.id,
      email: shopper.email,
      productSlug: product.slug,
    })
    const { event } = await warningDelivered(session.payment_intent as string)
    const ledger = await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: event.id } },
    })
    expect(ledger.docs[0].outcome).toBe('deferred')

    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    const purchase = await purchaseOf(session.id)
    expect(purchase.status).toBe('revoked')
    expect(purchase.statusReason).toMatch(/early fraud warning/)
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(0)
  })

  it('a warning on a charge Stripe does not know changes nothing (ignored)', async () => {
    const event = stripeEvent('radar.early_fraud_warning.created', {
      id: 'issfr_unknowncharge1',
      object: 'radar.early_fraud_warning',
      charge: 'ch_nobodyknows',
      actionable: true,
      created: 1,
      fraud_type: 'misc',
      livemode: false,
    } as never)
    expect((await deliver(event)).status).toBe(200)
    const ledger = await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: event.id } },
    })
    expect(ledger.docs[0].outcome).toBe('ignored')
  })

  it('a warning the shop cannot read is rejected (400)', async () => {
    const event = stripeEvent('radar.early_fraud_warning.created', {
      id: 'issfr_<script>',
      object: 'radar.early_fraud_warning',
      charge: 'ch_1',
      actionable: true,
      fraud_type: 'misc',
    } as never)
    const response = await deliver(event)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /The early fraud warning is not valid: id must be a Stripe id starting with issfr_/,
    )
  })
})
