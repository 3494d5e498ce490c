import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { beforeAll, describe, expect, it } from 'vitest'

import { fulfilReturningShopper, getStorefrontOptions } from 'payload-plugin-storefront'
import { getStripeClient } from '@/storefront/stripe/client'

import { gql, login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { payOnHostedPage } from './helpers/stripeEmulator'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: { id: number; slug: string; title: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Return Pack' })
})

/** The whole shopper path against the emulator: checkout endpoint → hosted page → paid session. */
async function paidSessionFor(shopper: {
  email: string
  password: string
}): Promise<Stripe.Checkout.Session> {
  const { token } = await login(shopper.email, shopper.password)
  const { url } = (await (
    await rest('POST', '/checkout', { body: { productSlug: product.slug }, token })
  ).json()) as { url: string }
  const paid = await payOnHostedPage(url)
  expect(paid.status).toBe(303)
  const sessionId = new URL(paid.headers.get('location')!).searchParams.get('session_id')!
  const options = getStorefrontOptions(payload)
  return getStripeClient({
    ...options.stripe,
    secretKey: options.stripe.secretKey!,
  }).checkout.sessions.retrieve(sessionId)
}

describe('fulfil on return to /products/account?session_id=…', () => {
  it('the success page and the webhook racing end with one purchase and one receipt', async () => {
    const shopper = await createUser(['customer'])
    const session = await paidSessionFor(shopper)
    expect(session.status).toBe('complete')

    const [fromPage, fromWebhook, fromPageAgain] = await Promise.all([
      fulfilReturningShopper({ payload, sessionId: session.id, userId: shopper.id }),
      deliver(stripeEvent('checkout.session.completed', session)),
      fulfilReturningShopper({ payload, sessionId: session.id, userId: shopper.id }),
    ])
    expect(fromWebhook.status).toBe(200)
    expect(fromPage?.id).toBeDefined()
    expect(fromPageAgain?.id).toBe(fromPage?.id)

    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'paid', amountCents: 1500, productSlug: product.slug })
    await runJobsUntil(
      async () =>
        (await payload.findByID({ collection: 'purchases', id: docs[0].id })).receipt?.status ===
        'sent',
    )
    expect(await mailTo(shopper.email)).toHaveLength(1)
  })

  it("another shopper's session id changes nothing and reveals nothing", async () => {
    const owner = await createUser(['customer'])
    const intruder = await createUser(['customer'])
    const session = await paidSessionFor(owner)
    expect(
      await fulfilReturningShopper({ payload, sessionId: session.id, userId: intruder.id }),
    ).toBeNull()
    expect(
      (
        await payload.count({
          collection: 'purchases',
          where: { stripeSessionId: { equals: session.id } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('a malformed or unknown session id is ignored', async () => {
    const shopper = await createUser(['customer'])
    expect(
      await fulfilReturningShopper({
        payload,
        sessionId: "cs_x'; drop table purchases;--",
        userId: shopper.id,
      }),
    ).toBeNull()
    // Stripe has no such session: nothing to show, nothing stored.
    expect(
      await fulfilReturningShopper({
        payload,
        sessionId: 'cs_test_doesnotexist',
        userId: shopper.id,
      }),
    ).toBeNull()
  })

  it('a shopper reads only their own purchases through REST and GraphQL', async () => {
    const owner = await createUser(['customer'])
    const other = await createUser(['customer'])
    const session = await paidSessionFor(owner)
    const purchase = await fulfilReturningShopper({
      payload,
      sessionId: session.id,
      userId: owner.id,
    })
    const { token: otherToken } = await login(other.email, other.password)
    const { token: ownerToken } = await login(owner.email, owner.password)
    expect((await rest('GET', `/purchases/${purchase!.id}`, { token: otherToken })).status).toBe(
      404,
    )
    expect((await rest('GET', `/purchases/${purchase!.id}`, { token: ownerToken })).status).toBe(
      200,
    )
    const list = (await (
      await rest('GET', '/purchases?limit=100', { token: otherToken })
    ).json()) as { docs: unknown[] }
    expect(list.docs).toHaveLength(0)
    expect((await rest('GET', `/purchases/${purchase!.id}`)).status).toBe(403)

    const viaGraphQL = await gql<{ Purchases: { docs: Array<{ id: number }> } }>(
      '{ Purchases(limit: 100) { docs { id } } }',
      {},
      { token: otherToken },
    )
    expect(viaGraphQL.data?.Purchases.docs ?? []).toHaveLength(0)
    const ownViaGraphQL = await gql<{ Purchases: { docs: Array<{ id: number }> } }>(
      '{ Purchases(limit: 100) { docs { id } } }',
      {},
      { token: ownerToken },
    )
    expect(ownViaGraphQL.data?.Purchases.docs.map((doc) => doc.id)).toEqual([purchase!.id])
    const forged = await gql(
      'mutation { updatePurchase(id: %ID%, data: { amountCents: 1 }) { id } }'.replace(
        '%ID%',
        String(purchase!.id),
      ),
      {},
      { token: ownerToken },
    )
    expect(forged.errors?.[0].message).toMatch(/not allowed/i)
  })

  it('nobody creates, edits or deletes purchases or Stripe events through REST, not even an admin', async () => {
    const owner = await createUser(['customer'])
    const admin = await createUser(['admin'])
    const session = await paidSessionFor(owner)
    const purchase = await fulfilReturningShopper({
      payload,
      sessionId: session.id,
      userId: owner.id,
    })
    for (const user of [owner, admin]) {
      const { token } = await login(user.email, user.password)
      expect(
        (
          await rest('PATCH', `/purchases/${purchase!.id}`, {
            token,
            body: { status: 'paid', amountCents: 1 },
          })
        ).status,
      ).toBe(403)
      expect(
        (
          await rest('POST', '/purchases', {
            token,
            body: { stripeSessionId: 'cs_forged', status: 'paid' },
          })
        ).status,
      ).toBe(403)
      expect((await rest('DELETE', `/purchases/${purchase!.id}`, { token })).status).toBe(403)
      expect(
        (
          await rest('POST', '/stripe-events', {
            token,
            body: { eventId: 'evt_forged', type: 'x' },
          })
        ).status,
      ).toBe(403)
    }
    expect(
      (await payload.findByID({ collection: 'purchases', id: purchase!.id })).amountCents,
    ).toBe(1500)
  })
})
