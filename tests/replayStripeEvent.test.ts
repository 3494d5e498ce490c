import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { login, rest } from './helpers/api'
import { checkoutInStripe, emulatorEventFor } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct, type TestProduct } from './helpers/products'
import { injectStripeFault, stripeRequests } from './helpers/stripeEmulator'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: TestProduct
const tokens = { support: '', customer: '', editor: '' }
let supportEmail: string

const replay = (id: number | string, token?: string, body: unknown = { reason: 'Fixed it' }) =>
  rest('POST', `/stripe-events/${id}/replay`, { ...(token ? { token } : {}), body })

const ledgerOf = async (eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } } }))
    .docs[0]

const purchasesOf = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs

/** A paid checkout whose completion the webhook could not apply (Stripe failed to answer). */
async function failedCompletion() {
  const shopper = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
  })
  const event = await emulatorEventFor('checkout.session.completed', session.id)
  await injectStripeFault({
    method: 'GET',
    path: `/v1/checkout/sessions/${session.id}`,
    status: 500,
    body: { error: { type: 'api_error', message: 'Stripe is down' } },
  })
  expect((await deliver(event)).status).toBe(200) // stored; the job applying it failed
  const entry = await ledgerOf(event.id)
  expect(entry.outcome).toBe('failed')
  return { session, event, entry }
}

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Replay Pack' })
  for (const role of ['support', 'customer', 'editor'] as const) {
    const user = await createUser([role])
    tokens[role] = (await login(user.email, user.password)).token
    if (role === 'support') supportEmail = user.email
  }
})

describe('POST /api/stripe-events/:id/replay', () => {
  it('401 for nobody, 403 for a customer or an editor', async () => {
    expect((await replay(1)).status).toBe(401)
    for (const role of ['customer', 'editor'] as const) {
      const refused = await replay(1, tokens[role])
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: string }).error).toBe(
        'Only support staff (admin, support) can replay Stripe events.',
      )
    }
  })

  it('404 for no such entry, 400 without a reason', async () => {
    expect((await replay(99_999_999, tokens.support)).status).toBe(404)
    // Only a whole number is an entry's id; anything else is no entry, said as such.
    for (const id of ['abc', '12abc', 'abc12']) {
      const missing = await replay(id, tokens.support)
      expect(missing.status).toBe(404)
      expect(await missing.json()).toEqual({
        error: `There is no Stripe event ${id} in the ledger.`,
      })
    }
    const { entry } = await failedCompletion()
    const noReason = await replay(entry.id, tokens.support, {})
    expect(noReason.status).toBe(400)
    expect(((await noReason.json()) as { error: string }).error).toMatch(/Say why/)
  })

  it('a failed event is fetched again from Stripe (not the stored copy), applied, and the replay recorded', async () => {
    const { session, event, entry } = await failedCompletion()
    const fetchedBefore = (await stripeRequests(`/v1/events/${event.id}`)).length

    const response = await replay(entry.id, tokens.support, { reason: 'Stripe was down' })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({
      event: {
        id: entry.id,
        eventId: event.id,
        outcome: 'processed',
        note: (await ledgerOf(event.id)).note,
      },
    })
    expect((await ledgerOf(event.id)).note).toMatch(/^created purchase/)
    expect((await stripeRequests(`/v1/events/${event.id}`)).length).toBe(fetchedBefore + 1)
    expect(await purchasesOf(session.id)).toHaveLength(1)
    const after = await ledgerOf(event.id)
    expect(after.outcome).toBe('processed')
    expect(after.replays).toEqual([
      expect.objectContaining({
        byEmail: supportEmail,
        reason: 'Stripe was down',
        result: expect.stringMatching(/^failed → processed: created purchase/),
      }),
    ])

    // Done now: nothing left to replay.
    const again = await replay(entry.id, tokens.support)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: string }).error).toMatch(/only a failed or rejected/)
  })

  it('a rejected event applies once its cause is fixed (the product is sold again)', async () => {
    const slug = `replay-later-${Date.now()}`
    const first = await createProduct({ title: 'Sold Later', slug })
    const shopper = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: shopper.id,
      email: shopper.email,
      productSlug: slug,
    })
    await payload.delete({ collection: 'products', id: first.id })
    const event = await emulatorEventFor('checkout.session.completed', session.id)
    expect((await deliver(event)).status).toBe(200)
    const entry = await ledgerOf(event.id)
    expect(entry.outcome).toBe('rejected')

    const still = await replay(entry.id, tokens.support, { reason: 'Trying before the fix' })
    expect(still.status).toBe(200)
    expect(((await still.json()) as { event: { outcome: string } }).event.outcome).toBe('rejected')

    await createProduct({ title: 'Sold Again', slug, stripePriceId: first.stripePriceId })
    const fixed = await replay(entry.id, tokens.support, { reason: 'Product is back' })
    expect(((await fixed.json()) as { event: { outcome: string } }).event.outcome).toBe('processed')
    expect(await purchasesOf(session.id)).toHaveLength(1)
    expect((await ledgerOf(event.id)).replays?.map((row) => row.result?.split(':')[0])).toEqual([
      'rejected → rejected',
      'rejected → processed',
    ])
  })

  it('410 when Stripe no longer has the event; 502 when Stripe cannot be reached', async () => {
    const gone = await payload.create({
      collection: 'stripe-events',
      data: {
        eventId: `evt_gone${Date.now()}`,
        type: 'checkout.session.completed',
        outcome: 'failed',
        stripeCreatedAt: new Date().toISOString(),
      },
    })
    const missing = await replay(gone.id, tokens.support)
    expect(missing.status).toBe(410)
    expect(((await missing.json()) as { error: string }).error).toMatch(/keeps events for 30 days/)

    const { event, entry } = await failedCompletion()
    await injectStripeFault({
      method: 'GET',
      path: `/v1/events/${event.id}`,
      status: 500,
      body: { error: { type: 'api_error', message: 'Stripe is down' } },
    })
    const unreachable = await replay(entry.id, tokens.support)
    expect(unreachable.status).toBe(502)
    expect((await ledgerOf(event.id)).outcome).toBe('failed')
  })
})
