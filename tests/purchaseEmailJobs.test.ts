import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from './helpers/getTestPayload'
import { createUser } from './helpers/users'

/**
 * The purchase's afterChange hook queues each email once: when the purchase BECOMES paid (the
 * receipt) or failed (the payment-failed email), never on a later update in the same status.
 */
let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

async function jobsFor(purchaseId: number | string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { 'input.purchaseId': { equals: String(purchaseId) } },
    limit: 100,
    depth: 0,
  })
  return docs.map((job) => (job as { taskSlug?: string }).taskSlug).sort()
}

async function purchase(status: 'paid' | 'pending' | 'failed') {
  const shopper = await createUser(['customer'])
  return payload.create({
    collection: 'purchases',
    data: {
      user: shopper.id,
      productSlug: 'jobs-pack',
      stripeSessionId: `cs_test_jobs_${Date.now()}_${Math.random().toString(36).slice(2)}`,
      amountCents: 1500,
      currency: 'usd',
      status,
      source: 'stripe',
    },
  })
}

describe('emails queued by a purchase change', () => {
  it('created paid → one receipt job; later updates while paid queue nothing more', async () => {
    const paid = await purchase('paid')
    expect(await jobsFor(paid.id)).toEqual(['storefrontSendPurchaseReceipt'])
    await payload.update({
      collection: 'purchases',
      id: paid.id,
      data: { customerEmail: 'x@test.example' },
    })
    await payload.update({
      collection: 'purchases',
      id: paid.id,
      data: { receipt: { status: 'failed' } },
    })
    expect(await jobsFor(paid.id)).toEqual(['storefrontSendPurchaseReceipt'])
  })

  it('pending queues nothing; pending → paid queues the receipt once', async () => {
    const pending = await purchase('pending')
    expect(await jobsFor(pending.id)).toEqual([])
    await payload.update({ collection: 'purchases', id: pending.id, data: { status: 'paid' } })
    await payload.update({ collection: 'purchases', id: pending.id, data: { status: 'paid' } })
    expect(await jobsFor(pending.id)).toEqual(['storefrontSendPurchaseReceipt'])
  })

  it('a purchase whose receipt is already sent never queues another', async () => {
    const pending = await purchase('pending')
    await payload.update({
      collection: 'purchases',
      id: pending.id,
      data: { receipt: { status: 'sent' } },
    })
    await payload.update({ collection: 'purchases', id: pending.id, data: { status: 'paid' } })
    expect(await jobsFor(pending.id)).toEqual([])
  })

  it('becoming failed queues the payment-failed email once, and no receipt', async () => {
    const pending = await purchase('pending')
    await payload.update({ collection: 'purchases', id: pending.id, data: { status: 'failed' } })
    await payload.update({
      collection: 'purchases',
      id: pending.id,
      data: { customerEmail: 'y@test.example' },
    })
    expect(await jobsFor(pending.id)).toEqual(['storefrontSendPaymentFailedEmail'])
  })

  it('refunded, disputed or revoked queue nothing', async () => {
    const paid = await purchase('paid')
    for (const status of ['disputed', 'refunded', 'revoked'] as const) {
      await payload.update({ collection: 'purchases', id: paid.id, data: { status } })
    }
    expect(await jobsFor(paid.id)).toEqual(['storefrontSendPurchaseReceipt'])
  })
})
