import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import type { Purchase } from '@/payload-types'

import { login, rest } from './helpers/api'
import { checkoutInStripe, emulatorEventFor, testStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct, type TestProduct } from './helpers/products'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: TestProduct
const tokens: Record<'admin' | 'customer' | 'editor' | 'support', string> = {
  admin: '',
  customer: '',
  editor: '',
  support: '',
}
let supportEmail: string

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Support Desk Pack' })
  for (const role of ['admin', 'customer', 'editor', 'support'] as const) {
    const user = await createUser([role])
    tokens[role] = (await login(user.email, user.password)).token
    if (role === 'support') supportEmail = user.email
  }
})

/** A paid purchase as a real checkout leaves it, its receipt sent. */
async function paidPurchase(): Promise<{
  purchase: Purchase
  buyer: { id: number; email: string }
}> {
  const buyer = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: buyer.id,
    email: buyer.email,
    productSlug: product.slug,
  })
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { stripeSessionId: { equals: session.id } },
  })
  await runJobsUntil(async () => (await mailTo(buyer.email)).length === 1)
  return { purchase: docs[0], buyer }
}

const act = (
  path: string,
  token: string | undefined,
  body: unknown = { reason: 'Asked by email' },
) => rest('POST', `/purchases${path}`, { ...(token ? { token } : {}), body })

const reread = (id: number) => payload.findByID({ collection: 'purchases', id, depth: 0 })

describe('staff endpoints refuse everyone but staff', () => {
  it.each(['/1/resend-receipt', '/1/revoke', '/1/restore', '/1/refund', '/comp'])(
    '%s: 401 anonymous, 403 customer and editor',
    async (path) => {
      const anonymous = await act(path, undefined)
      expect(anonymous.status).toBe(401)
      expect(((await anonymous.json()) as { error: string }).error).toMatch(/Sign in/)
      for (const role of ['customer', 'editor'] as const) {
        const refused = await act(path, tokens[role])
        expect(refused.status).toBe(403)
        expect(((await refused.json()) as { error: string }).error).toMatch(
          /Only support staff \(admin, support\) can change purchases\./,
        )
      }
    },
  )

  it('404 for a purchase that does not exist, 400 without a reason', async () => {
    expect((await act('/999999/revoke', tokens.support)).status).toBe(404)
    expect((await act('/not-a-number/revoke', tokens.support)).status).toBe(404)
    const { purchase } = await paidPurchase()
    const noReason = await act(`/${purchase.id}/revoke`, tokens.support, {})
    expect(noReason.status).toBe(400)
    expect(((await noReason.json()) as { error: string }).error).toMatch(/Say why/)
    expect((await reread(purchase.id)).status).toBe('paid')
  })
})

describe('resend receipt', () => {
  it('queues a new job with a new idempotency key: a second email arrives, recorded on the purchase', async () => {
    const { purchase, buyer } = await paidPurchase()
    const response = await act(`/${purchase.id}/resend-receipt`, tokens.support, {
      reason: 'Customer cannot find the first one',
    })
    expect(response.status).toBe(200)
    await runJobsUntil(async () => (await mailTo(buyer.email)).length === 2)
    const keys = (await mailTo(buyer.email)).map((mail) => mail.idempotency_key).sort()
    expect(keys[0]).toBe(`purchase-receipt/${purchase.id}`)
    expect(keys[1]).toMatch(new RegExp(`^purchase-receipt/${purchase.id}/resend/[0-9a-f-]{36}$`))
    const subjects = new Set((await mailTo(buyer.email)).map((mail) => mail.subject))
    expect(subjects.size).toBe(1)
    const stored = await reread(purchase.id)
    expect(stored.staffActions).toHaveLength(1)
    expect(stored.staffActions![0]).toMatchObject({
      action: 'resend_receipt',
      byEmail: supportEmail,
      reason: 'Customer cannot find the first one',
    })
    expect(Date.now() - Date.parse(stored.staffActions![0].at)).toBeLessThan(60_000)
  })

  it('409 for a purchase that is not paid', async () => {
    const { purchase } = await paidPurchase()
    expect((await act(`/${purchase.id}/revoke`, tokens.support)).status).toBe(200)
    const response = await act(`/${purchase.id}/resend-receipt`, tokens.support)
    expect(response.status).toBe(409)
    expect(((await response.json()) as { error: string }).error).toBe(
      'This purchase is revoked, so it cannot be sent a receipt; only a paid purchase can.',
    )
  })
})

describe('revoke and restore', () => {
  it('revoke ends the download, restore gives it back; each is recorded; a second revoke is 409', async () => {
    const { purchase, buyer } = await paidPurchase()
    const buyerToken = (await login(buyer.email, 'correct horse battery staple')).token
    const download = () => rest('HEAD', `/products/downloads/${purchase.id}`, { token: buyerToken })
    expect((await download()).status).toBe(200)

    expect((await act(`/${purchase.id}/revoke`, tokens.admin)).status).toBe(200)
    expect((await reread(purchase.id)).status).toBe('revoked')
    expect((await download()).status).toBe(403)
    expect((await act(`/${purchase.id}/revoke`, tokens.support)).status).toBe(409)

    expect((await act(`/${purchase.id}/restore`, tokens.support)).status).toBe(200)
    expect((await reread(purchase.id)).status).toBe('paid')
    expect((await download()).status).toBe(200)
    expect((await act(`/${purchase.id}/restore`, tokens.support)).status).toBe(409)

    expect((await reread(purchase.id)).staffActions!.map((row) => row.action)).toEqual([
      'revoke',
      'restore',
    ])
  })
})

describe('refund through Stripe', () => {
  async function chargeOf(purchase: Purchase): Promise<string> {
    const intent = await (
      await testStripe()
    ).paymentIntents.retrieve(purchase.stripePaymentIntentId!)
    return intent.latest_charge as string
  }

  it('a full refund: Stripe refunds, its webhook moves the purchase to refunded and access ends', async () => {
    const { purchase } = await paidPurchase()
    const response = await act(`/${purchase.id}/refund`, tokens.support, {
      reason: 'Bought by mistake',
    })
    expect(response.status).toBe(200)
    // The status moves only when Stripe says so.
    expect((await reread(purchase.id)).status).toBe('paid')
    const event = await emulatorEventFor('charge.refunded', await chargeOf(purchase))
    expect((await deliver(event)).status).toBe(200)
    const stored = await reread(purchase.id)
    expect(stored.status).toBe('refunded')
    expect(stored.staffActions![0]).toMatchObject({ action: 'refund', reason: 'Bought by mistake' })
    expect(stored.staffActions![0].detail).toMatch(/^\$15\.00 refunded in Stripe \(re_/)
    // Nothing left to refund.
    expect((await act(`/${purchase.id}/refund`, tokens.support)).status).toBe(409)
  })

  it('a partial refund keeps access', async () => {
    const { purchase } = await paidPurchase()
    const response = await act(`/${purchase.id}/refund`, tokens.support, {
      reason: 'Goodwill',
      amountCents: 500,
    })
    expect(response.status).toBe(200)
    const event = await emulatorEventFor('charge.refunded', await chargeOf(purchase))
    expect((await deliver(event)).status).toBe(200)
    const stored = await reread(purchase.id)
    expect(stored.status).toBe('paid')
    expect(stored.staffActions![0].detail).toMatch(
      /^\$5\.00 refunded in Stripe .*partial: access stays/,
    )
  })

  it('400 for an amount above what was paid; 409 for a complimentary purchase', async () => {
    const { purchase } = await paidPurchase()
    const tooMuch = await act(`/${purchase.id}/refund`, tokens.support, {
      reason: 'x',
      amountCents: 999_999,
    })
    expect(tooMuch.status).toBe(400)
    const buyer = await createUser(['customer'])
    const comp = await act('/comp', tokens.support, {
      reason: 'Press copy',
      userId: buyer.id,
      productId: product.id,
    })
    const { purchase: granted } = (await comp.json()) as { purchase: { id: number } }
    const refused = await act(`/${granted.id}/refund`, tokens.support)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: string }).error).toMatch(/nothing to refund/)
  })
})

describe('complimentary purchase', () => {
  it('grants a paid purchase with source comp and no Stripe; the customer gets a receipt and can download', async () => {
    const buyer = await createUser(['customer'])
    const response = await act('/comp', tokens.support, {
      reason: 'Conference speaker',
      userEmail: buyer.email,
      productId: product.id,
    })
    expect(response.status).toBe(200)
    const { purchase } = (await response.json()) as { purchase: { id: number; status: string } }
    expect(purchase.status).toBe('paid')
    const stored = await reread(purchase.id)
    expect(stored).toMatchObject({
      source: 'comp',
      amountCents: 0,
      stripePaymentIntentId: null,
      customerEmail: buyer.email,
    })
    expect(stored.stripeSessionId).toMatch(/^comp_/)
    expect(stored.title).toMatch(
      new RegExp(`^Support Desk Pack — ${buyer.email} — \\d{4}-\\d{2}-\\d{2}$`),
    )
    expect(stored.staffActions![0]).toMatchObject({
      action: 'comp_grant',
      reason: 'Conference speaker',
    })
    await runJobsUntil(async () => (await mailTo(buyer.email)).length === 1)
    const buyerToken = (await login(buyer.email, buyer.password)).token
    expect(
      (await rest('HEAD', `/products/downloads/${purchase.id}`, { token: buyerToken })).status,
    ).toBe(200)
  })

  it('404 for an unknown customer or product; 400 without them', async () => {
    expect(
      (
        await act('/comp', tokens.support, {
          reason: 'x',
          userEmail: 'nobody@test.example',
          productId: product.id,
        })
      ).status,
    ).toBe(404)
    const buyer = await createUser(['customer'])
    expect(
      (await act('/comp', tokens.support, { reason: 'x', userId: buyer.id, productId: 999999 }))
        .status,
    ).toBe(404)
    expect((await act('/comp', tokens.support, { reason: 'x' })).status).toBe(400)
  })
})

describe('what support reads on a purchase', () => {
  it('a readable title, the Stripe events and the downloads joined, the receipt recorded', async () => {
    const { purchase, buyer } = await paidPurchase()
    expect(purchase.title).toBe(
      `Support Desk Pack — ${buyer.email} — ${new Date(purchase.createdAt).toISOString().slice(0, 10)}`,
    )
    const buyerToken = (await login(buyer.email, 'correct horse battery staple')).token
    await rest('GET', `/products/downloads/${purchase.id}`, { token: buyerToken }).then((r) =>
      r.arrayBuffer(),
    )
    const response = await rest('GET', `/purchases/${purchase.id}?depth=1`, {
      token: tokens.support,
    })
    const read = (await response.json()) as {
      stripeEvents: { docs: Array<{ type: string }> }
      downloads: { docs: Array<{ outcome: string }> }
      receipt: { status: string; resendId: string }
    }
    expect(read.stripeEvents.docs.map((event) => event.type)).toContain(
      'checkout.session.completed',
    )
    await expect
      .poll(async () => {
        const again = (await (
          await rest('GET', `/purchases/${purchase.id}`, { token: tokens.support })
        ).json()) as typeof read
        return again.downloads.docs.map((download) => download.outcome)
      })
      .toEqual(['completed'])
    expect(read.receipt.status).toBe('sent')
    expect(read.receipt.resendId).toBeTruthy()
  })

  it('support finds a purchase by customer email through the list search', async () => {
    const { purchase, buyer } = await paidPurchase()
    const response = await rest(
      'GET',
      `/purchases?where[customerEmail][like]=${encodeURIComponent(buyer.email)}`,
      { token: tokens.support },
    )
    const { docs } = (await response.json()) as { docs: Array<{ id: number }> }
    expect(docs.map((doc) => doc.id)).toEqual([purchase.id])
  })

  it("Stripe events are found by the purchase's customer email, as the admin's search asks", async () => {
    const { purchase, buyer } = await paidPurchase()
    const response = await rest(
      'GET',
      `/stripe-events?where[or][0][purchase.customerEmail][like]=${encodeURIComponent(buyer.email)}`,
      { token: tokens.support },
    )
    const { docs } = (await response.json()) as {
      docs: Array<{ type: string; purchase: { id: number } }>
    }
    expect(docs.map((doc) => [doc.type, doc.purchase.id])).toEqual([
      ['checkout.session.completed', purchase.id],
    ])
  })

  it("a user's page lists their purchases", async () => {
    const { purchase, buyer } = await paidPurchase()
    const response = await rest('GET', `/users/${buyer.id}`, { token: tokens.support })
    const user = (await response.json()) as { purchases: { docs: Array<{ id: number }> } }
    expect(user.purchases.docs.map((doc) => doc.id)).toEqual([purchase.id])
  })

  it('a failed bank transfer records the payment-failed email, with time and Resend id', async () => {
    const buyer = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
      pay: 'bank_transfer_fails',
    })
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    const failed = await emulatorEventFor('checkout.session.async_payment_failed', session.id)
    expect((await deliver(failed)).status).toBe(200)
    await runJobsUntil(async () => (await mailTo(buyer.email)).length === 1)
    const [mail] = await mailTo(buyer.email)
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
    })
    expect(docs[0].status).toBe('failed')
    expect(docs[0].receipt?.status).toBe('not_sent')
    expect(docs[0].paymentFailedEmail).toMatchObject({ status: 'sent', resendId: mail.id })
    expect(docs[0].paymentFailedEmail?.sentAt).toBeTruthy()
  })
})
