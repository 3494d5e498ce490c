import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import type { Purchase } from '@/payload-types'

import { login, rest } from './helpers/api'
import { checkoutInStripe, emulatorEventFor } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { stripeRequests } from './helpers/stripeEmulator'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

/**
 * Issue 14's "done when", end to end through the HTTP API: with Stripe's deliveries off, three
 * products are sold; "Reconcile now" makes three purchases and three receipts, exactly once; a
 * dispute on a downloaded purchase shows drafted evidence listing the downloads to staff, and
 * submitting it reaches Stripe.
 */

let payload: Payload
let support: { token: string }
const emulator = () => inject('stripeEmulatorUrl')

const setDeliveries = (enabled: boolean) =>
  fetch(`${emulator()}/_emulator/webhooks`, {
    method: 'POST',
    body: new URLSearchParams({ enabled: String(enabled) }),
  })

beforeAll(async () => {
  payload = await getTestPayload()
  const staff = await createUser(['support'])
  support = await login(staff.email, staff.password)
  // A clean starting point: what earlier files left in the shared emulator is swept first.
  await rest('POST', '/storefront/reconcile', { token: support.token })
  await runDueJobs()
})

afterAll(async () => {
  await setDeliveries(true)
})

describe('nothing paid goes unfulfilled, and disputes answer themselves', () => {
  it('offline sales become purchases and receipts exactly once; a dispute is answered from the downloads', async () => {
    expect((await setDeliveries(false)).status).toBe(200)
    const sales: Array<{
      shopper: Awaited<ReturnType<typeof createUser>>
      session: Awaited<ReturnType<typeof checkoutInStripe>>
    }> = []
    for (const title of ['Guarantee A', 'Guarantee B', 'Guarantee C']) {
      const product = await createProduct({ title })
      const shopper = await createUser(['customer'])
      const session = await checkoutInStripe({
        userId: shopper.id,
        email: shopper.email,
        productSlug: product.slug,
      })
      sales.push({ shopper, session })
    }
    expect((await setDeliveries(true)).status).toBe(200)

    const reconciled = await rest('POST', '/storefront/reconcile', { token: support.token })
    expect(reconciled.status).toBe(200)
    expect(await reconciled.json()).toMatchObject({
      run: { status: 'succeeded', purchasesRepaired: 3 },
    })
    await runJobsUntil(async () => {
      for (const { shopper } of sales) if ((await mailTo(shopper.email)).length < 1) return false
      return true
    })
    // Pressed again: nothing more.
    await rest('POST', '/storefront/reconcile', { token: support.token })
    await runDueJobs()
    const purchases: Purchase[] = []
    for (const { shopper, session } of sales) {
      const { docs } = await payload.find({
        collection: 'purchases',
        where: { stripeSessionId: { equals: session.id } },
      })
      expect(docs).toHaveLength(1)
      expect(docs[0].status).toBe('paid')
      expect(await mailTo(shopper.email)).toHaveLength(1)
      purchases.push(docs[0])
    }

    // The first buyer downloads, then disputes the charge.
    const buyer = sales[0].shopper
    const { token } = await login(buyer.email, buyer.password)
    const downloaded = await rest('GET', `/products/downloads/${purchases[0].id}`, {
      token,
      headers: { 'User-Agent': 'Buyer-Browser/1.0', 'X-Forwarded-For': '198.51.100.4' },
    })
    expect(downloaded.status).toBe(200)
    await downloaded.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 200))
    const opened = await fetch(
      `${emulator()}/_emulator/charges/${purchases[0].stripePaymentIntentId}/dispute`,
      { method: 'POST', body: new URLSearchParams({ reason: 'product_not_received' }) },
    )
    const dispute = (await opened.json()) as { id: string }
    expect(
      (await deliver(await emulatorEventFor('charge.dispute.created', dispute.id))).status,
    ).toBe(200)

    // What the admin shows staff on the purchase.
    const shown = await rest('GET', `/purchases/${purchases[0].id}?depth=0`, {
      token: support.token,
    })
    const purchase = (await shown.json()) as {
      status: string
      disputeEvidence: { status: string; evidence: Record<string, string> }
    }
    expect(purchase.status).toBe('disputed')
    expect(purchase.disputeEvidence.status).toBe('drafted')
    expect(purchase.disputeEvidence.evidence.access_activity_log).toMatch(
      /completed \(HTTP 200\).*IP "198\.51\.100\.4" {2}user agent "Buyer-Browser\/1\.0"/,
    )
    // The buyer never sees it.
    const own = (await (await rest('GET', `/purchases/${purchases[0].id}`, { token })).json()) as {
      disputeEvidence?: unknown
    }
    expect(own.disputeEvidence).toBeUndefined()

    const submitted = await rest('POST', `/purchases/${purchases[0].id}/submit-dispute-evidence`, {
      token: support.token,
      body: { reason: 'Submitted the drafted dispute evidence' },
    })
    expect(submitted.status).toBe(200)
    const [reached] = await stripeRequests(`/v1/disputes/${dispute.id}`)
    expect(reached.params).toMatchObject({
      submit: 'true',
      evidence: {
        access_activity_log: purchase.disputeEvidence.evidence.access_activity_log,
        customer_email_address: buyer.email,
      },
    })
  })
})
