import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { safeCallbackPath } from 'payload-plugin-storefront'
import { formatPrice } from '@/storefront/utilities/formatPrice'

import { gql, login, rest, SERVER_URL } from './helpers/api'
import { checkoutInStripe, stripeAnswersSession } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs } from './helpers/jobs'
import { failNextSends, mailTo } from './helpers/mailCatcher'
import { createProduct, releaseStripePrice } from './helpers/products'
import { charge, checkoutSession, lineItems, price, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver, signature, waitingApplicationsOf } from './helpers/webhook'

/**
 * The attack table: each test is one attack, named with its id and the defence it must meet.
 * README.md ("Security") lists the same table with the result of the last run.
 */

type Account = { id: number; email: string; password: string; token: string; cookie: string }

let payload: Payload
let product: { id: number; slug: string; title: string }
let alice: Account
let bob: Account
let editor: Account
let admin: Account
let support: Account
let sql: pg.Client

async function account(roles: Parameters<typeof createUser>[0]): Promise<Account> {
  const user = await createUser(roles)
  return { ...user, ...(await login(user.email, user.password)) }
}

beforeAll(async () => {
  payload = await getTestPayload()
  await releaseStripePrice('price_attacks')
  product = await createProduct({ title: 'Attack Surface Pack', stripePriceId: 'price_attacks' })
  ;[alice, bob, editor, admin, support] = await Promise.all([
    account(['customer']),
    account(['customer']),
    account(['editor']),
    account(['admin']),
    account(['support']),
  ])
  sql = new pg.Client({ connectionString: inject('databaseUrl') })
  await sql.connect()
})

afterAll(async () => {
  await sql.end()
})

const purchasesFor = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs

const ledgerFor = async (eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } } }))
    .docs

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error

/** A paid session that exists in Stripe (the emulator), and the shop's purchase for it. */
async function purchaseFor(buyer: Account) {
  const session = await checkoutInStripe({
    userId: buyer.id,
    email: buyer.email,
    productSlug: product.slug,
  })
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  const [purchase] = await purchasesFor(session.id)
  return { session, purchase }
}

/**
 * A session as Stripe would answer for it, built on Stripe's fixture: by default exactly what the
 * shop sells (one unit of price_attacks, paid, USD) to alice; `overrides` make it an attack.
 * Stripe (the emulator) is made to answer it, then its completed event is delivered, signed.
 */
async function deliverSessionStripeAnswers(
  overrides: Partial<Stripe.Checkout.Session> = {},
  items = lineItems([{ price: price({ id: 'price_attacks', product: 'prod_attacks' }) }]),
) {
  const session = checkoutSession({
    metadata: { userId: String(alice.id), productSlug: product.slug },
    amount_total: 1500,
    line_items: items,
    ...overrides,
  })
  await stripeAnswersSession(session as never)
  const event = stripeEvent('checkout.session.completed', session)
  const response = await deliver(event)
  return { session, event, response }
}

async function expectRejectedWithNothingGranted(
  delivery: Awaited<ReturnType<typeof deliverSessionStripeAnswers>>,
  note: RegExp,
) {
  expect(delivery.response.status).toBe(200)
  expect(await purchasesFor(delivery.session.id)).toHaveLength(0)
  const [entry] = await ledgerFor(delivery.event.id)
  expect(entry.outcome).toBe('rejected')
  expect(entry.note).toMatch(note)
}

/** A body that counts how much of it the server pulled. */
function countingStream(totalBytes: number, chunkBytes = 64 * 1024) {
  let pulled = 0
  const chunk = new Uint8Array(chunkBytes).fill(0x61)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close()
      pulled += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled: () => pulled }
}

describe('webhook signatures', () => {
  it('A01 unsigned webhook → 400, nothing recorded', async () => {
    const event = stripeEvent('checkout.session.completed', checkoutSession())
    const response = await rest('POST', '/stripe/webhook', { rawBody: JSON.stringify(event) })
    expect(response.status).toBe(400)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('A02 signature made with another secret → 400, nothing recorded', async () => {
    const event = stripeEvent('checkout.session.completed', checkoutSession())
    expect((await deliver(event, { secret: 'whsec_attacker' })).status).toBe(400)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('A03 body changed after signing (amount 1) → 400, nothing recorded', async () => {
    const event = stripeEvent('checkout.session.completed', checkoutSession({ amount_total: 1500 }))
    const signed = JSON.stringify(event)
    const response = await rest('POST', '/stripe/webhook', {
      rawBody: signed.replace('"amount_total":1500', '"amount_total":1'),
      headers: { 'Stripe-Signature': signature(signed) },
    })
    expect(response.status).toBe(400)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('A04 replayed signature older than 5 minutes → 400, nothing recorded', async () => {
    const event = stripeEvent('checkout.session.completed', checkoutSession())
    const response = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 - 60 })
    expect(response.status).toBe(400)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('A05 signature dated in the future (replayable until then) → 400, nothing recorded', async () => {
    const event = stripeEvent('checkout.session.completed', checkoutSession())
    const response = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) + 86_400 })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toMatch(/in the future/)
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('A06 replay of a processed event → 200 duplicate, nothing changes', async () => {
    const { session } = await purchaseFor(alice)
    const event = stripeEvent('checkout.session.completed', session)
    await deliver(event)
    const replay = await deliver(event)
    expect(await replay.json()).toEqual({ received: true, duplicate: true })
    expect(await purchasesFor(session.id)).toHaveLength(1)
  })
})

describe('finding 2: nothing granted that Stripe did not sell', () => {
  it('A07 signed event for a 1¢ session Stripe never created → 200 rejected, no purchase', async () => {
    const session = checkoutSession({
      metadata: { userId: String(alice.id), productSlug: product.slug },
      amount_total: 1,
    })
    const event = stripeEvent('checkout.session.completed', session)
    expect((await deliver(event)).status).toBe(200)
    expect(await purchasesFor(session.id)).toHaveLength(0)
    expect((await ledgerFor(event.id))[0]).toMatchObject({
      outcome: 'rejected',
      note: `Session ${session.id}: Stripe has no such checkout session.`,
    })
  })

  it("A08 event body lying about a real session's amount, currency and product → Stripe's values are stored", async () => {
    const other = await createProduct({ title: 'Other' })
    const real = await checkoutInStripe({
      userId: alice.id,
      email: alice.email,
      productSlug: product.slug,
    })
    const lie = {
      ...real,
      amount_total: 1,
      currency: 'jpy',
      metadata: { userId: String(bob.id), productSlug: other.slug },
    }
    expect((await deliver(stripeEvent('checkout.session.completed', lie))).status).toBe(200)
    const [purchase] = await purchasesFor(real.id)
    expect(purchase).toMatchObject({
      amountCents: 1500,
      currency: 'usd',
      productSlug: product.slug,
    })
    expect(typeof purchase.user === 'object' ? purchase.user.id : purchase.user).toBe(alice.id)
  })

  it("A09 paid session for another product's price (EUR price) → rejected", async () => {
    const session = await checkoutInStripe({
      userId: alice.id,
      productSlug: product.slug,
      priceId: 'price_test_eur',
    })
    const event = stripeEvent('checkout.session.completed', session)
    expect((await deliver(event)).status).toBe(200)
    expect(await purchasesFor(session.id)).toHaveLength(0)
    expect((await ledgerFor(event.id))[0].note).toMatch(
      /charges price price_test_eur, which is not the price of/,
    )
  })

  it('A10 control: another price of the same Stripe product (a sale price) is accepted', async () => {
    const session = await checkoutInStripe({
      userId: alice.id,
      productSlug: product.slug,
      priceId: 'price_attacks_sale',
    })
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    expect((await purchasesFor(session.id)).map((purchase) => purchase.status)).toEqual(['paid'])
  })

  it('A11 control: a crafted session that matches the product is accepted (the harness rejects nothing by itself)', async () => {
    const { session, response } = await deliverSessionStripeAnswers()
    expect(response.status).toBe(200)
    expect((await purchasesFor(session.id)).map((purchase) => purchase.status)).toEqual(['paid'])
  })

  it('A12 subscription-mode session → rejected', async () => {
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({ mode: 'subscription' }),
      /subscription session; the shop sells one-time payments only/,
    )
  })

  it('A13 no_payment_required session with amount 0 → rejected', async () => {
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({ payment_status: 'no_payment_required', amount_total: 0 }),
      /payment status is no_payment_required/,
    )
  })

  it("A14 session charged in JPY on the product's price (a currency option) → rejected", async () => {
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({ currency: 'jpy', amount_total: 15 }),
      /charged in JPY but .* is sold in USD/,
    )
  })

  it('A15 session selling two units, or two line items → rejected', async () => {
    const unit = price({ id: 'price_attacks', product: 'prod_attacks' })
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({}, lineItems([{ price: unit, quantity: 2 }])),
      /exactly one unit of one price/,
    )
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({}, lineItems([{ price: unit }, { price: unit }])),
      /sells 2 line items/,
    )
  })

  it('A16 session still open (not completed) → rejected', async () => {
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({ status: 'open', payment_status: 'unpaid' }),
      /it is open, not complete/,
    )
  })

  it('A17 session naming a product the shop does not sell → rejected, no purchase with product null', async () => {
    const session = await checkoutInStripe({ userId: alice.id, productSlug: 'no-such-product' })
    const event = stripeEvent('checkout.session.completed', session)
    expect((await deliver(event)).status).toBe(200)
    expect(await purchasesFor(session.id)).toHaveLength(0)
    expect((await ledgerFor(event.id))[0].note).toMatch(/which this shop does not sell/)
  })

  it("A18 another shopper's session id on the success page → nothing stored, nothing shown", async () => {
    const { fulfilReturningShopper } = await import('payload-plugin-storefront')
    const session = await checkoutInStripe({ userId: alice.id, productSlug: product.slug })
    expect(
      await fulfilReturningShopper({ payload, sessionId: session.id, userId: bob.id }),
    ).toBeNull()
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })

  it('A19 session without userId / productSlug metadata → 400 (kept), nothing stored', async () => {
    const session = await checkoutInStripe({ metadata: { productSlug: product.slug } })
    const response = await deliver(stripeEvent('checkout.session.completed', session))
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toMatch(/no userId in its metadata/)
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })
})

describe('finding 6: what the webhook reads is validated, never a 500', () => {
  const deliverRaw = (body: unknown) => {
    const raw = JSON.stringify(body)
    return rest('POST', '/stripe/webhook', {
      rawBody: raw,
      headers: { 'Stripe-Signature': signature(raw) },
    })
  }

  it('A20 signed event without a type, or with a huge `created`, or a non-evt id → 400, nothing recorded', async () => {
    const base = JSON.parse(JSON.stringify(stripeEvent('charge.refunded', charge()))) as Record<
      string,
      unknown
    >
    const { type: _type, ...withoutType } = base
    const bodies: unknown[] = [
      withoutType,
      { ...base, created: 1e20 },
      { ...base, id: "evt_'; drop table purchases;--" },
      { ...base, data: null },
      null,
      [],
      'just a string',
    ]
    for (const body of bodies) {
      const response = await deliverRaw(body)
      expect(response.status).toBe(400)
      expect(await errorOf(response)).toMatch(/not a Stripe event the shop can read/)
    }
    expect(await ledgerFor(String(base.id))).toHaveLength(0)
  })

  it('A21 handled event types whose object is null, {} or [] → 400, recorded rejected with the reason', async () => {
    for (const object of [null, {}, []]) {
      const event = { ...stripeEvent('charge.refunded', {}), data: { object } }
      const response = await deliverRaw(event)
      expect(response.status).toBe(400)
      const [entry] = await ledgerFor(event.id)
      if (entry) expect(entry.outcome).toBe('rejected')
    }
    const event = stripeEvent('charge.dispute.created', { id: 'dp_x', payment_intent: 42 })
    const response = await deliverRaw(event)
    expect(response.status).toBe(400)
    expect((await ledgerFor(event.id))[0]).toMatchObject({
      outcome: 'rejected',
      note: expect.stringMatching(/^The dispute is not valid: payment_intent/),
    })
  })

  it('A22 a 600 KB productSlug in Stripe metadata → 400 rejected, nothing stored', async () => {
    const delivery = await deliverSessionStripeAnswers({
      metadata: { userId: String(alice.id), productSlug: 'a'.repeat(600_000) },
    })
    expect(delivery.response.status).toBe(400)
    expect(await errorOf(delivery.response)).toMatch(/productSlug in its metadata that is not/)
    expect(await purchasesFor(delivery.session.id)).toHaveLength(0)
  })

  it("A23 currency `xx<script>` in Stripe's answer → rejected; formatPrice never throws on it", async () => {
    await expectRejectedWithNothingGranted(
      await deliverSessionStripeAnswers({ currency: 'xx<script>' }),
      /charged in XX<SCRIPT> but/,
    )
    expect(formatPrice(1500, 'xx<script>')).toBe('15.00 (unknown currency)')
  })

  it('A24 an unknown event type → 200 ignored, recorded', async () => {
    const event = stripeEvent('invoice.paid', { id: 'in_1', object: 'invoice' })
    expect((await deliver(event)).status).toBe(200)
    expect((await ledgerFor(event.id))[0].outcome).toBe('ignored')
  })
})

describe('finding 4: request bodies have a size limit', () => {
  it('A25 100 MB webhook body with a junk signature → 413 after reading at most ~1 MiB', async () => {
    const body = countingStream(100 * 1024 * 1024)
    const response = await rest('POST', '/stripe/webhook', {
      bodyStream: body.stream,
      headers: { 'Stripe-Signature': 't=1,v1=junk' },
    })
    expect(response.status).toBe(413)
    expect(await errorOf(response)).toMatch(/larger than this endpoint accepts \(1048576 bytes\)/)
    expect(body.pulled()).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024)
  })

  it('A26 webhook declaring Content-Length 100 MB → 413 without reading it', async () => {
    const body = countingStream(100 * 1024 * 1024)
    const response = await rest('POST', '/stripe/webhook', {
      bodyStream: body.stream,
      headers: { 'Stripe-Signature': 't=1,v1=junk', 'Content-Length': String(100 * 1024 * 1024) },
    })
    expect(response.status).toBe(413)
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024)
  })

  it('A27 200 MB anonymous checkout body → 401 after reading at most ~16 KiB', async () => {
    const body = countingStream(200 * 1024 * 1024, 4 * 1024)
    const response = await rest('POST', '/checkout', {
      bodyStream: body.stream,
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(401)
    expect(body.pulled()).toBeLessThanOrEqual(16 * 1024 + 2 * 4 * 1024)
  })

  it('A28 signed-in checkout body over 16 KiB → 413, no session started', async () => {
    const before = (await payload.count({ collection: 'purchases' })).totalDocs
    const response = await rest('POST', '/checkout', {
      token: alice.token,
      body: { productSlug: product.slug, padding: 'x'.repeat(20_000) },
    })
    expect(response.status).toBe(413)
    expect(await errorOf(response)).toMatch(/16384 bytes/)
    expect((await payload.count({ collection: 'purchases' })).totalDocs).toBe(before)
  })
})

describe('purchases and the ledger: reading and writing what is not yours', () => {
  it("A29 a customer reads another customer's purchase by id (REST) → 404", async () => {
    const { purchase } = await purchaseFor(alice)
    expect((await rest('GET', `/purchases/${purchase.id}`, { token: bob.token })).status).toBe(404)
  })

  it("A30 a customer lists or queries another customer's purchases (REST where, GraphQL) → none", async () => {
    const { purchase } = await purchaseFor(alice)
    const listed = (await (
      await rest('GET', `/purchases?where[user][equals]=${alice.id}&limit=100`, {
        token: bob.token,
      })
    ).json()) as { docs: unknown[] }
    expect(listed.docs).toHaveLength(0)
    const viaGraphQL = await gql<{ Purchase: unknown }>(
      `{ Purchase(id: ${purchase.id}) { id amountCents } }`,
      {},
      { token: bob.token },
    )
    expect(viaGraphQL.data?.Purchase ?? null).toBeNull()
  })

  it('A31 anonymous purchase and Stripe event reads → 403', async () => {
    expect((await rest('GET', '/purchases')).status).toBe(403)
    expect((await rest('GET', '/stripe-events')).status).toBe(403)
  })

  it('A32 a customer creates a paid purchase through REST or GraphQL → refused, nothing stored', async () => {
    const sessionId = `cs_forged_${randomUUID().replace(/-/g, '')}`
    const rested = await rest('POST', '/purchases', {
      token: alice.token,
      body: {
        user: alice.id,
        productSlug: product.slug,
        stripeSessionId: sessionId,
        status: 'paid',
        amountCents: 1,
        currency: 'usd',
      },
    })
    expect(rested.status).toBe(403)
    const viaGraphQL = await gql(
      'mutation ($data: mutationPurchaseInput!) { createPurchase(data: $data) { id } }',
      {
        data: {
          user: alice.id,
          productSlug: product.slug,
          stripeSessionId: sessionId,
          status: 'paid',
          source: 'stripe',
          amountCents: 1,
          currency: 'usd',
        },
      },
      { token: alice.token },
    )
    expect(viaGraphQL.errors?.[0].message).toMatch(/not allowed/i)
    expect(await purchasesFor(sessionId)).toHaveLength(0)
  })

  it('A33 even an admin cannot edit or delete a purchase through the API (only fulfilment writes)', async () => {
    const { purchase } = await purchaseFor(alice)
    const patched = await rest('PATCH', `/purchases/${purchase.id}`, {
      token: admin.token,
      body: { status: 'paid', amountCents: 1 },
    })
    expect(patched.status).toBe(403)
    expect((await rest('DELETE', `/purchases/${purchase.id}`, { token: admin.token })).status).toBe(
      403,
    )
    expect((await payload.findByID({ collection: 'purchases', id: purchase.id })).amountCents).toBe(
      1500,
    )
  })

  it('A34 a customer reads or forges Stripe events → 403', async () => {
    expect((await rest('GET', '/stripe-events', { token: alice.token })).status).toBe(403)
    const forged = await rest('POST', '/stripe-events', {
      token: alice.token,
      body: { eventId: 'evt_forged', type: 'checkout.session.completed', outcome: 'processed' },
    })
    expect(forged.status).toBe(403)
  })

  it("A35 a buyer reads their purchase's receipt.lastError (Resend's refusal) → the field is not there", async () => {
    await runDueJobs() // earlier purchases' receipts first, so the failure is this one's
    await failNextSends(1)
    const { purchase } = await purchaseFor(alice)
    await runDueJobs()
    expect(
      (await payload.findByID({ collection: 'purchases', id: purchase.id })).receipt?.lastError,
    ).toMatch(/Resend refused/)
    const own = (await (
      await rest('GET', `/purchases/${purchase.id}`, { token: alice.token })
    ).json()) as { receipt?: Record<string, unknown> }
    expect(own.receipt).toBeDefined()
    expect(own.receipt).not.toHaveProperty('lastError')
    const staff = (await (
      await rest('GET', `/purchases/${purchase.id}`, { token: support.token })
    ).json()) as { receipt?: Record<string, unknown> }
    expect(staff.receipt?.lastError).toMatch(/Resend refused/)
  })

  it("A36 a customer reads another user's account → 404; lists users → only themselves", async () => {
    expect((await rest('GET', `/users/${bob.id}`, { token: alice.token })).status).toBe(404)
    const listed = (await (
      await rest('GET', '/users?limit=100', { token: alice.token })
    ).json()) as {
      docs: Array<{ id: number }>
    }
    expect(listed.docs.map((user) => user.id)).toEqual([alice.id])
  })
})

describe('finding 3 and other Payload internals', () => {
  it("A37 a customer locks a product (payload-locked-documents) to block the editors → 403, the editor's save works", async () => {
    const lock = await rest('POST', '/payload-locked-documents', {
      token: alice.token,
      body: {
        document: { relationTo: 'products', value: product.id },
        user: { relationTo: 'users', value: alice.id },
      },
    })
    expect(lock.status).toBe(403)
    expect((await rest('GET', '/payload-locked-documents', { token: alice.token })).status).toBe(
      403,
    )
    const save = await rest('PATCH', `/products/${product.id}`, {
      token: editor.token,
      body: { title: 'Attack Surface Pack (edited)' },
    })
    expect(save.status).toBe(200)
  })

  it("A38 a customer locks an admin's account → 403", async () => {
    const lock = await rest('POST', '/payload-locked-documents', {
      token: alice.token,
      body: {
        document: { relationTo: 'users', value: admin.id },
        user: { relationTo: 'users', value: alice.id },
      },
    })
    expect(lock.status).toBe(403)
  })

  it('A39 staff keep their edit locks (editors lock what they edit)', async () => {
    const lock = await rest('POST', '/payload-locked-documents', {
      token: editor.token,
      body: {
        document: { relationTo: 'products', value: product.id },
        user: { relationTo: 'users', value: editor.id },
      },
    })
    expect(lock.status).toBe(201)
    const { doc } = (await lock.json()) as { doc: { id: number } }
    await rest('DELETE', `/payload-locked-documents/${doc.id}`, { token: editor.token })
  })

  it('A40 a customer runs the jobs queue over HTTP (GET /api/payload-jobs/run) → refused; an admin may', async () => {
    const refused = await rest('GET', '/payload-jobs/run?queue=storefront', { token: alice.token })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({
      message: 'Unauthorized, you must be logged in to make this request.',
    })
    const allowed = await rest('GET', '/payload-jobs/run?queue=storefront', {
      token: admin.token,
    })
    expect(allowed.status).toBe(200)
  })
})

describe('role escalation', () => {
  it('A41 REST sign-up with roles [admin] → a customer', async () => {
    const email = `escalate-${randomUUID()}@test.example`
    const response = await rest('POST', '/users', {
      body: { email, password: 'a long password 123', roles: ['admin'] },
    })
    expect(response.status).toBe(201)
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: email } },
    })
    expect(docs[0].roles).toEqual(['customer'])
  })

  it('A42 GraphQL sign-up with roles [admin] → a customer', async () => {
    const email = `escalate-gql-${randomUUID()}@test.example`
    const result = await gql<{ createUser: { id: number } }>(
      'mutation ($data: mutationUserInput!) { createUser(data: $data) { id } }',
      { data: { email, password: 'a long password 123', roles: ['admin'] } },
    )
    const stored = await payload.findByID({ collection: 'users', id: result.data!.createUser.id })
    expect(stored.roles).toEqual(['customer'])
  })

  it('A43 a customer PATCHes their own roles, singly or in bulk (where) → unchanged', async () => {
    await rest('PATCH', `/users/${alice.id}`, { token: alice.token, body: { roles: ['admin'] } })
    await rest('PATCH', `/users?where[id][equals]=${alice.id}`, {
      token: alice.token,
      body: { roles: ['admin'] },
    })
    expect((await payload.findByID({ collection: 'users', id: alice.id })).roles).toEqual([
      'customer',
    ])
  })

  it('A44 GraphQL updateUser with roles by a customer → unchanged', async () => {
    await gql(
      'mutation ($id: Int!, $data: mutationUserUpdateInput!) { updateUser(id: $id, data: $data) { id } }',
      { id: alice.id, data: { roles: ['admin'] } },
      { token: alice.token },
    )
    expect((await payload.findByID({ collection: 'users', id: alice.id })).roles).toEqual([
      'customer',
    ])
  })

  it('A45 an editor makes themselves admin → unchanged', async () => {
    await rest('PATCH', `/users/${editor.id}`, { token: editor.token, body: { roles: ['admin'] } })
    expect((await payload.findByID({ collection: 'users', id: editor.id })).roles).toEqual([
      'editor',
    ])
  })

  it('A46 first-register on a shop that has users → refused, no admin created', async () => {
    const email = `first-${randomUUID()}@test.example`
    const response = await rest('POST', '/users/first-register', {
      body: {
        email,
        password: 'a long password 123',
        confirmPassword: 'a long password 123',
        roles: ['admin'],
      },
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: email } },
    })
    expect(docs.some((user) => user.roles.includes('admin'))).toBe(false)
  })
})

describe('finding 7: accounts', () => {
  it('A47 REST sign-up with a 3-character password → 400', async () => {
    const response = await rest('POST', '/users', {
      body: { email: `weak-${randomUUID()}@test.example`, password: 'abc' },
    })
    expect(response.status).toBe(400)
  })

  it('A48 account discovery through the lockout message → every failure answers alike', async () => {
    const victim = await createUser(['customer'])
    const attempt = async (email: string, password: string) => {
      const response = await rest('POST', '/users/login', { body: { email, password } })
      return [response.status, await response.json()]
    }
    const unknown = await attempt(`ghost-${randomUUID()}@test.example`, 'guess guess')
    for (let tries = 0; tries < 6; tries += 1) await attempt(victim.email, 'guess guess')
    expect(await attempt(victim.email, 'guess guess')).toEqual(unknown)
  })
})

describe('cross-site requests and redirects', () => {
  it("A49 checkout with the shopper's cookie from another origin → 401, no session", async () => {
    const response = await rest('POST', '/checkout', {
      cookie: alice.cookie,
      body: { productSlug: product.slug },
      headers: { Origin: 'https://evil.example' },
    })
    expect(response.status).toBe(401)
  })

  it('A50 checkout with the cookie and Sec-Fetch-Site: cross-site (no Origin) → 401', async () => {
    const response = await rest('POST', '/checkout', {
      cookie: alice.cookie,
      body: { productSlug: product.slug },
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(response.status).toBe(401)
  })

  it('A51 open redirect through callbackUrl → refused, back to a path on the site', () => {
    for (const hostile of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/a/../..//evil.example',
      '/%2F%2Fevil.example',
      '/\tevil',
    ]) {
      const path = safeCallbackPath(hostile, '/products')
      expect(new URL(path, SERVER_URL).origin).toBe(SERVER_URL)
    }
  })

  it('A52 open redirect through the checkout loginUrl (a hostile productSlug) → the catalog', async () => {
    const response = await rest('POST', '/checkout', { body: { productSlug: '//evil.example' } })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { loginUrl: string }).loginUrl).toBe(
      '/login?callbackUrl=%2Fproducts',
    )
  })
})

describe('product files', () => {
  it('A53 an editor points a product at ../../.env (traversal) → 400, not saved', async () => {
    const response = await rest('PATCH', `/products/${product.id}`, {
      token: editor.token,
      body: { assetFilename: '../../.env' },
    })
    expect(response.status).toBe(400)
    expect((await payload.findByID({ collection: 'products', id: product.id })).assetFilename).toBe(
      'workflow-templates.zip',
    )
  })

  it('A54 a file name with CR/LF (header injection into Content-Disposition) → 400', async () => {
    const response = await rest('PATCH', `/products/${product.id}`, {
      token: editor.token,
      body: { assetFilename: 'a.zip\r\nSet-Cookie: session=evil' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/control characters/)
  })

  it('A55 a customer edits a product (price, file) → 403', async () => {
    const response = await rest('PATCH', `/products/${product.id}`, {
      token: alice.token,
      body: { priceCents: 1 },
    })
    expect(response.status).toBe(403)
  })
})

describe('finding 8: unbounded reads and internals', () => {
  it('A56 limit=100000, limit=0 and pagination=false → at most 100 documents', async () => {
    await Promise.all(
      Array.from({ length: 101 }, (_, index) =>
        payload.create({
          collection: 'stripe-events',
          data: {
            eventId: `evt_bulk_${randomUUID().replace(/-/g, '')}_${index}`,
            type: 'x.y',
            outcome: 'ignored',
          },
        }),
      ),
    )
    for (const query of ['limit=100000', 'limit=0', 'pagination=false', 'limit=-1']) {
      const response = await rest('GET', `/stripe-events?${query}`, { token: support.token })
      const body = (await response.json()) as { docs: unknown[]; totalDocs: number }
      expect(body.totalDocs).toBeGreaterThan(100)
      expect(body.docs).toHaveLength(100)
    }
  })

  it('A57 GraphQL with 21 aliases → refused before it runs', async () => {
    const fields = Array.from({ length: 21 }, (_, index) => `a${index}: Products { totalDocs }`)
    const result = await gql(`{ ${fields.join(' ')} }`)
    expect(result.errors?.[0].message).toBe(
      'A query may use at most 20 aliases; split it into several requests.',
    )
    expect(result.data).toBeUndefined()
  })

  it('A58 GraphQL query over the complexity limit (250) → refused; an ordinary query passes', async () => {
    const fields =
      'totalDocs hasNextPage docs { id title slug priceCents currency stripePriceId assetFilename createdAt updatedAt }'
    const heavy = Array.from(
      { length: 20 },
      (_, index) => `p${index}: Products(limit: 100) { ${fields} }`,
    )
    const refused = await gql(`{ ${heavy.join(' ')} }`)
    expect(refused.errors?.[0].message).toBe(
      'The query exceeds the maximum complexity of 250. Actual complexity is 260',
    )
    expect(refused.data).toBeUndefined()
    const ordinary = await gql<{ Purchases: { docs: unknown[] } }>(
      '{ Purchases(limit: 100) { docs { id status amountCents currency product { title slug } } } }',
      {},
      { token: alice.token },
    )
    expect(ordinary.errors).toBeUndefined()
  })

  it('A59 GraphQL StripeEvents(limit: 100000) → at most 100', async () => {
    const result = await gql<{ StripeEvents: { docs: unknown[]; totalDocs: number } }>(
      '{ StripeEvents(limit: 100000) { totalDocs docs { id } } }',
      {},
      { token: support.token },
    )
    expect(result.data?.StripeEvents.totalDocs).toBeGreaterThan(100)
    expect(result.data?.StripeEvents.docs).toHaveLength(100)
  })
})

describe('findings 1 and 5: failures and races', () => {
  it('A60 the database refuses the COMMIT of the queued application → ledger "failed" with a short reason, the job waits to retry, a redelivery applies it', async () => {
    await sql.query(`CREATE OR REPLACE FUNCTION storefront_test_refuse_commit() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'COMMIT refused by a test trigger'; END $$`)
    const session = await checkoutInStripe({
      userId: alice.id,
      email: alice.email,
      productSlug: product.slug,
    })
    const trigger = `refuse_${randomUUID().replace(/-/g, '')}`
    await sql.query(`CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON purchases
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.stripe_session_id = '${session.id}')
      EXECUTE FUNCTION storefront_test_refuse_commit()`)
    const event = stripeEvent('checkout.session.completed', session)
    const failed = await deliver(event).finally(() =>
      sql.query(`DROP TRIGGER ${trigger} ON purchases`),
    )
    expect(failed.status).toBe(200) // stored: applying it is the job's, and the job failed
    const [entry] = await ledgerFor(event.id)
    expect(entry.outcome).toBe('failed')
    expect(await waitingApplicationsOf(event.id)).toHaveLength(1)
    expect(entry.note).not.toMatch(/insert|select|params|@/i)
    expect(await purchasesFor(session.id)).toHaveLength(0)
    expect((await deliver(event)).status).toBe(200)
    expect(await purchasesFor(session.id)).toHaveLength(1)
  })

  it('A61 keeping access by having the refund delivered before the checkout completes → refunded', async () => {
    const session = await checkoutInStripe({
      userId: bob.id,
      email: bob.email,
      productSlug: product.slug,
    })
    await deliver(
      stripeEvent(
        'charge.refunded',
        charge({ payment_intent: session.payment_intent as string, refunded: true }),
      ),
    )
    await deliver(stripeEvent('checkout.session.completed', session))
    expect((await purchasesFor(session.id)).map((purchase) => purchase.status)).toEqual([
      'refunded',
    ])
  })

  it('A62 one receipt, even when the completion is delivered 10 times at once', async () => {
    const buyer = await account(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
    })
    const event = stripeEvent('checkout.session.completed', session)
    await Promise.all(Array.from({ length: 10 }, () => deliver(event)))
    await runDueJobs()
    await runDueJobs()
    expect(await purchasesFor(session.id)).toHaveLength(1)
    expect(await mailTo(buyer.email)).toHaveLength(1)
  })
})

describe('downloads', () => {
  const downloadOf = (purchaseId: number | string, buyer?: Account) =>
    rest('GET', `/products/downloads/${purchaseId}`, buyer ? { token: buyer.token } : {})

  it("A63 IDOR: bob downloads alice's purchase by its id → 403, nothing sent, nothing logged", async () => {
    const { purchase } = await purchaseFor(alice)
    const response = await downloadOf(purchase.id, bob)
    expect(response.status).toBe(403)
    expect(await errorOf(response)).toMatch(/another account/i)
    const { totalDocs } = await payload.count({
      collection: 'downloads',
      where: { purchase: { equals: purchase.id } },
    })
    expect(totalDocs).toBe(0)
  })

  it('A64 guessing purchase ids (unknown, negative, SQL, path) → 404, never 500', async () => {
    for (const id of ['999999999', '-1', "1' or '1'='1", '..%2F..%2Fetc%2Fpasswd', '1e3']) {
      expect((await downloadOf(id, bob)).status).toBe(404)
    }
  })

  it('A65 downloading after a full refund → 403', async () => {
    const { purchase } = await purchaseFor(alice)
    expect((await downloadOf(purchase.id, alice)).status).toBe(200)
    await payload.update({ collection: 'purchases', id: purchase.id, data: { status: 'refunded' } })
    const response = await downloadOf(purchase.id, alice)
    expect(response.status).toBe(403)
  })

  it('A66 downloading after access was revoked → 403; anonymous → 401', async () => {
    const { purchase } = await purchaseFor(alice)
    await payload.update({ collection: 'purchases', id: purchase.id, data: { status: 'revoked' } })
    expect((await downloadOf(purchase.id, alice)).status).toBe(403)
    expect((await downloadOf(purchase.id)).status).toBe(401)
  })
})
