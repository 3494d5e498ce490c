import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkoutInStripe } from './helpers/checkoutInStripe'
import { type RunningChild, startAppInstance } from './helpers/childProcesses'
import { getTestPayload } from './helpers/getTestPayload'
import { runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { runApplicationJobs, signature } from './helpers/webhook'

/**
 * Two app instances on one database, each a real process with its own Payload and connection
 * pool: tests/instances/serveRest.ts serves Payload's REST route handlers (what Next mounts under
 * /api) over node:http. Chosen over two `next start` builds: the webhook and the success page run
 * the same handler and operation code either way, and a build plus two Next servers would take
 * minutes and most of a 2-core machine's memory; what matters here is that nothing one instance
 * keeps in memory is needed by the other.
 */
let payload: Payload
let instances: Array<RunningChild & { url: string }> = []
let product: { id: number; slug: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct()
  instances = await Promise.all([startAppInstance(), startAppInstance()])
}, 120_000)

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()))
})

function deliverTo(instance: { url: string }, event: Stripe.Event): Promise<Response> {
  const body = JSON.stringify(event)
  return fetch(`${instance.url}/api/stripe/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature(body) },
    body,
  })
}

async function fulfilOn(
  instance: { url: string },
  args: { sessionId: string; userId: number },
): Promise<number | null> {
  const response = await fetch(`${instance.url}/_instance/fulfil-returning-shopper`, {
    method: 'POST',
    body: JSON.stringify(args),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { purchaseId: number | null }).purchaseId
}

async function applyOn(instance: { url: string }, eventId: string): Promise<void> {
  const response = await fetch(`${instance.url}/_instance/apply-stripe-event`, {
    method: 'POST',
    body: JSON.stringify({ eventId }),
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ran: 1 })
}

async function purchasesFor(sessionId: string) {
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { stripeSessionId: { equals: sessionId } },
    depth: 0,
  })
  return docs
}

async function receiptJobsFor(purchaseId: number): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      taskSlug: { equals: 'storefrontSendPurchaseReceipt' },
      'input.purchaseId': { equals: String(purchaseId) },
    },
    overrideAccess: true,
  })
  return totalDocs
}

async function paidSession(buyer: { id: number; email: string }) {
  return checkoutInStripe({ userId: buyer.id, email: buyer.email, productSlug: product.slug })
}

describe('two app instances on one database', () => {
  it('100 concurrent deliveries of one checkout.session.completed, split across both: one purchase, one receipt', async () => {
    const buyer = await createUser(['customer'])
    const session = await paidSession(buyer)
    const event = stripeEvent('checkout.session.completed', session)

    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => deliverTo(instances[i % 2], event)),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200))
    // One delivery, on whichever instance, stored and queued it; the 99 others saw it stored.
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{
      duplicate?: boolean
    }>
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1)
    await runApplicationJobs(event.id)

    const purchases = await purchasesFor(session.id)
    expect(purchases).toHaveLength(1)
    expect(purchases[0]).toMatchObject({ status: 'paid', user: buyer.id })
    expect(await receiptJobsFor(purchases[0].id)).toBe(1)
    await runJobsUntil(async () => (await mailTo(buyer.email)).length > 0)
    expect(await mailTo(buyer.email)).toHaveLength(1)
  }, 90_000)

  it('the success page on one instance racing the webhook on the other: one purchase', async () => {
    for (let round = 0; round < 4; round++) {
      const buyer = await createUser(['customer'])
      const session = await paidSession(buyer)
      const event = stripeEvent('checkout.session.completed', session)
      // Each round swaps which instance answers the success page and which the webhook.
      const [page, webhook] = round % 2 ? instances : [instances[1], instances[0]]

      const [fulfilled, delivered] = await Promise.all([
        Promise.all(
          Array.from({ length: 3 }, () =>
            fulfilOn(page, { sessionId: session.id, userId: buyer.id }),
          ),
        ),
        Promise.all(Array.from({ length: 3 }, () => deliverTo(webhook, event))).then(
          async (responses) => {
            // The webhook instance's job runner applies what its webhook queued.
            await applyOn(webhook, event.id)
            return responses
          },
        ),
      ])
      expect(delivered.map((response) => response.status)).toEqual([200, 200, 200])
      const purchases = await purchasesFor(session.id)
      expect(purchases, `round ${round}`).toHaveLength(1)
      // Every success-page call shows that one purchase.
      expect(fulfilled).toEqual(Array(3).fill(purchases[0].id))
      expect(await receiptJobsFor(purchases[0].id)).toBe(1)
    }
  }, 90_000)
})
