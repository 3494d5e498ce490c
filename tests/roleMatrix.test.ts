import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { gql, login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { createUser } from './helpers/users'

/**
 * Who may do what, cell by cell: every role (and anonymous) × every collection × read / create /
 * update / delete, through REST and GraphQL. A cell is asserted by what the API answers AND, for
 * reads, by which documents come back.
 */

type Actor = 'admin' | 'editor' | 'support' | 'customer' | 'anonymous'
const ACTORS: Actor[] = ['admin', 'editor', 'support', 'customer', 'anonymous']

let payload: Payload
const tokens: Partial<Record<Actor, string>> = {}
const ids: Partial<Record<Actor, number>> = {}
let otherCustomerId: number
let publishedProduct: { id: number; slug: string }
let draftProduct: { id: number; slug: string }
let ownPurchaseId: number | string
let othersPurchaseId: number | string
let eventId: number | string
let mediaId: number | string

const auth = (actor: Actor) => (tokens[actor] ? { token: tokens[actor] } : {})

async function purchaseFor(userId: number, label: string) {
  const doc = await payload.create({
    collection: 'purchases',
    data: {
      user: userId,
      productSlug: publishedProduct.slug,
      stripeSessionId: `cs_test_matrix_${label}_${Date.now()}`,
      amountCents: 1500,
      currency: 'usd',
      status: 'refunded', // no receipt job: the matrix is about access, not email
      source: 'stripe',
    },
  })
  return doc.id
}

beforeAll(async () => {
  payload = await getTestPayload()
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    const user = await createUser([actor])
    ids[actor] = user.id
    tokens[actor] = (await login(user.email, user.password)).token
  }
  otherCustomerId = (await createUser(['customer'])).id
  publishedProduct = await createProduct()
  draftProduct = await createProduct({ _status: 'draft' })
  ownPurchaseId = await purchaseFor(ids.customer!, 'own')
  othersPurchaseId = await purchaseFor(otherCustomerId, 'other')
  eventId = (
    await payload.create({
      collection: 'stripe-events',
      data: { eventId: `evt_matrix_${Date.now()}`, type: 'charge.refunded', outcome: 'processed' },
    })
  ).id
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  )
  mediaId = (
    await payload.create({
      collection: 'media',
      data: { alt: 'matrix' },
      file: {
        data: png,
        mimetype: 'image/png',
        name: `matrix-${Date.now()}.png`,
        size: png.length,
      },
    })
  ).id
})

const listIds = async (actor: Actor, path: string) => {
  const response = await rest('GET', `${path}?limit=1000&depth=0&draft=true`, auth(actor))
  if (response.status !== 200) return response.status
  const { docs } = (await response.json()) as { docs: Array<{ id: number | string }> }
  return docs.map((doc) => doc.id)
}

describe('products', () => {
  it.each(ACTORS)('%s: reads drafts only as an editor or admin', async (actor) => {
    const seen = (await listIds(actor, '/products')) as Array<number | string>
    expect(seen).toContain(publishedProduct.id)
    expect(seen.includes(draftProduct.id)).toBe(actor === 'admin' || actor === 'editor')
  })

  it.each(ACTORS)('%s: creates, updates and deletes only as an editor or admin', async (actor) => {
    const allowed = actor === 'admin' || actor === 'editor'
    const slug = `matrix-${actor}-${Date.now()}`
    const created = await rest('POST', '/products', {
      ...auth(actor),
      body: { title: 'Matrix', slug, priceCents: 100, currency: 'usd', _status: 'draft' },
    })
    expect(created.status).toBe(allowed ? 201 : 403)
    const target = allowed
      ? ((await created.json()) as { doc: { id: number } }).doc.id
      : (await createProduct({ _status: 'draft' })).id
    const updated = await rest('PATCH', `/products/${target}?draft=true`, {
      ...auth(actor),
      body: { title: 'Changed' },
    })
    expect(updated.status).toBe(allowed ? 200 : 403)
    const deleted = await rest('DELETE', `/products/${target}`, auth(actor))
    expect(deleted.status).toBe(allowed ? 200 : 403)
    const stillThere = await payload.findByID({
      collection: 'products',
      id: target,
      draft: true,
      disableErrors: true,
    })
    expect(Boolean(stillThere)).toBe(!allowed)
  })
})

describe('purchases', () => {
  it.each(ACTORS)('%s: staff read every purchase, a shopper only their own', async (actor) => {
    const seen = await listIds(actor, '/purchases')
    if (actor === 'anonymous') return expect(seen).toBe(403)
    const staff = actor === 'admin' || actor === 'support'
    expect((seen as Array<number | string>).includes(othersPurchaseId)).toBe(staff)
    expect((seen as Array<number | string>).includes(ownPurchaseId)).toBe(
      staff || actor === 'customer',
    )
    const one = await rest('GET', `/purchases/${othersPurchaseId}`, auth(actor))
    expect(one.status).toBe(staff ? 200 : 404)
  })

  it.each(ACTORS)('%s: never creates, updates or deletes one through REST', async (actor) => {
    const created = await rest('POST', '/purchases', {
      ...auth(actor),
      body: {
        user: ids[actor] ?? otherCustomerId,
        productSlug: 'x',
        stripeSessionId: `cs_test_forged_${actor}_${Date.now()}`,
        amountCents: 1,
        currency: 'usd',
        status: 'paid',
        source: 'comp',
      },
    })
    expect(created.status).toBe(403)
    const patched = await rest('PATCH', `/purchases/${ownPurchaseId}`, {
      ...auth(actor),
      body: { status: 'paid' },
    })
    expect(patched.status).toBe(403)
    expect((await rest('DELETE', `/purchases/${ownPurchaseId}`, auth(actor))).status).toBe(403)
    const stored = await payload.findByID({ collection: 'purchases', id: ownPurchaseId })
    expect(stored.status).toBe('refunded')
  })
})

describe('stripe-events', () => {
  it.each(ACTORS)('%s: only staff read the ledger; nobody writes it', async (actor) => {
    const staff = actor === 'admin' || actor === 'support'
    const seen = await listIds(actor, '/stripe-events')
    if (staff) expect(seen).toContain(eventId)
    else expect(seen).toBe(403)
    expect(
      (
        await rest('POST', '/stripe-events', {
          ...auth(actor),
          body: { eventId: `evt_forged_${actor}`, type: 'x', outcome: 'processed' },
        })
      ).status,
    ).toBe(403)
    expect(
      (await rest('PATCH', `/stripe-events/${eventId}`, { ...auth(actor), body: { note: 'x' } }))
        .status,
    ).toBe(403)
    expect((await rest('DELETE', `/stripe-events/${eventId}`, auth(actor))).status).toBe(403)
  })
})

describe('users', () => {
  it.each(ACTORS)('%s: admins and support read everyone, others only themselves', async (actor) => {
    const seen = await listIds(actor, '/users')
    if (actor === 'anonymous') return expect(seen).toBe(403)
    const staff = actor === 'admin' || actor === 'support'
    expect((seen as number[]).includes(otherCustomerId)).toBe(staff)
    expect(seen).toContain(ids[actor])
  })

  it.each(ACTORS)('%s: only an admin edits or deletes another user', async (actor) => {
    const victim = await createUser(['customer'])
    const patched = await rest('PATCH', `/users/${victim.id}`, {
      ...auth(actor),
      body: { name: 'Changed' },
    })
    expect(patched.status).toBe(actor === 'admin' ? 200 : 403)
    const deleted = await rest('DELETE', `/users/${victim.id}`, auth(actor))
    expect(deleted.status).toBe(actor === 'admin' ? 200 : 403)
  })
})

describe('media', () => {
  it.each(ACTORS)('%s: everyone reads; only editors and admins change', async (actor) => {
    const allowed = actor === 'admin' || actor === 'editor'
    expect(await listIds(actor, '/media')).toContain(mediaId)
    const patched = await rest('PATCH', `/media/${mediaId}`, {
      ...auth(actor),
      body: { alt: `by ${actor}` },
    })
    expect(patched.status).toBe(allowed ? 200 : 403)
  })
})

describe('the same rules through GraphQL', () => {
  const query = `{
    Products(draft: true, limit: 1000) { docs { id } }
    Purchases(limit: 1000) { docs { id } }
    StripeEvents(limit: 1000) { docs { id } }
  }`

  it.each(ACTORS)('%s: reads', async (actor) => {
    const result = await gql<Record<string, { docs: Array<{ id: number }> } | null>>(
      query,
      {},
      auth(actor),
    )
    const staff = actor === 'admin' || actor === 'support'
    const editor = actor === 'admin' || actor === 'editor'
    const products = result.data?.Products?.docs.map((doc) => doc.id) ?? []
    expect(products.includes(draftProduct.id)).toBe(editor)
    const purchases = result.data?.Purchases?.docs.map((doc) => doc.id) ?? []
    expect(purchases.includes(othersPurchaseId as number)).toBe(staff)
    expect(purchases.includes(ownPurchaseId as number)).toBe(staff || actor === 'customer')
    const events = result.data?.StripeEvents?.docs.map((doc) => doc.id) ?? []
    expect(events.includes(eventId as number)).toBe(staff)
    const refused = (result.errors ?? []).map((error) => error.message)
    if (!staff) expect(refused).toContain('You are not allowed to perform this action.')
  })

  it.each(ACTORS)('%s: writes', async (actor) => {
    const editor = actor === 'admin' || actor === 'editor'
    const product = await gql<{ updateProduct: { id: number } | null }>(
      `mutation { updateProduct(id: ${publishedProduct.id}, data: { title: "GQL ${actor}" }) { id } }`,
      {},
      auth(actor),
    )
    expect(product.errors === undefined).toBe(editor)
    const purchase = await gql(
      `mutation { updatePurchase(id: ${ownPurchaseId}, data: { amountCents: 1 }) { id } }`,
      {},
      auth(actor),
    )
    expect(purchase.errors?.[0].message).toMatch(/not allowed/i)
    const event = await gql(
      `mutation { deleteStripeEvent(id: ${eventId}) { id } }`,
      {},
      auth(actor),
    )
    expect(event.errors?.[0].message).toMatch(/not allowed/i)
  })
})

describe('downloads (the log)', () => {
  let logId: number | string
  beforeAll(async () => {
    logId = (
      await payload.create({
        collection: 'downloads',
        data: {
          purchase: ownPurchaseId as number,
          user: ids.customer!,
          fileName: 'workflow-templates.zip',
          outcome: 'completed',
          bytesSent: 1,
          httpStatus: 200,
          startedAt: new Date().toISOString(),
        },
      })
    ).id
  })

  it.each(ACTORS)('%s: only staff read it; nobody writes it', async (actor) => {
    const staff = actor === 'admin' || actor === 'support'
    const seen = await listIds(actor, '/downloads')
    if (staff) expect(seen).toContain(logId)
    else expect(seen).toBe(403)
    const created = await rest('POST', '/downloads', {
      ...auth(actor),
      body: { purchase: ownPurchaseId, user: ids.customer, fileName: 'x', outcome: 'completed' },
    })
    expect(created.status).toBe(403)
    expect(
      (await rest('PATCH', `/downloads/${logId}`, { ...auth(actor), body: { bytesSent: 2 } }))
        .status,
    ).toBe(403)
    expect((await rest('DELETE', `/downloads/${logId}`, auth(actor))).status).toBe(403)
    expect((await payload.findByID({ collection: 'downloads', id: logId })).bytesSent).toBe(1)
  })
})

describe('the records only the plugin writes (sign-in links and requests, reconciliation runs)', () => {
  const records: Array<{
    slug: string
    id?: number | string
    data: () => Record<string, unknown>
  }> = [
    {
      slug: 'sign-in-links',
      data: () => ({
        tokenHash: `matrix-${Date.now()}-${Math.random()}`,
        user: ids.customer,
        email: 'matrix@example.com',
        callbackPath: '/account',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    },
    {
      slug: 'sign-in-link-requests',
      data: () => ({ emailHash: `matrix-${Date.now()}`, ip: '192.0.2.77' }),
    },
    {
      slug: 'reconciliation-runs',
      data: () => ({
        trigger: 'staff',
        status: 'succeeded',
        windowStart: new Date(Date.now() - 60_000).toISOString(),
        windowEnd: new Date().toISOString(),
        note: 'matrix',
      }),
    },
  ]
  beforeAll(async () => {
    for (const record of records) {
      record.id = (
        await payload.create({
          collection: record.slug as 'sign-in-links',
          data: record.data() as never,
        })
      ).id
    }
  })

  it.each(ACTORS)('%s: only staff read them; nobody writes them', async (actor) => {
    const staff = actor === 'admin' || actor === 'support'
    for (const { slug, id, data } of records) {
      const seen = await listIds(actor, `/${slug}`)
      if (staff) expect(seen, slug).toContain(id)
      else expect(seen, slug).toBe(403)
      const one = await rest('GET', `/${slug}/${id}`, auth(actor))
      expect(one.status, slug).toBe(staff ? 200 : 403)
      expect((await rest('POST', `/${slug}`, { ...auth(actor), body: data() })).status, slug).toBe(
        403,
      )
      expect(
        (await rest('PATCH', `/${slug}/${id}`, { ...auth(actor), body: data() })).status,
        slug,
      ).toBe(403)
      expect((await rest('DELETE', `/${slug}/${id}`, auth(actor))).status, slug).toBe(403)
      const stored = await payload.findByID({
        collection: slug as 'sign-in-links',
        id: id!,
        disableErrors: true,
      })
      expect(stored, slug).toBeTruthy()
    }
  })
})

describe('payload-locked-documents (edit locks)', () => {
  it.each(ACTORS)('%s: only staff read and write locks', async (actor) => {
    const staff = actor !== 'customer' && actor !== 'anonymous'
    const read = await rest('GET', '/payload-locked-documents', auth(actor))
    expect(read.status).toBe(staff ? 200 : 403)
    const created = await rest('POST', '/payload-locked-documents', {
      ...auth(actor),
      body: {
        document: { relationTo: 'products', value: publishedProduct.id },
        globalSlug: null,
        user: { relationTo: 'users', value: ids[actor] ?? ids.customer },
      },
    })
    expect(created.status).toBe(staff ? 201 : 403)
    if (staff) {
      const { doc } = (await created.json()) as { doc: { id: number } }
      expect(
        (await rest('DELETE', `/payload-locked-documents/${doc.id}`, auth(actor))).status,
      ).toBe(200)
    }
  })
})

describe('who may open /admin', () => {
  it.each(ACTORS)('%s: staff (admin, editor, support) only', async (actor) => {
    const response = await rest('GET', '/access', auth(actor))
    expect(response.status).toBe(200)
    const { canAccessAdmin } = (await response.json()) as { canAccessAdmin: boolean }
    expect(canAccessAdmin === true).toBe(
      actor === 'admin' || actor === 'editor' || actor === 'support',
    )
  })
})

describe('staff endpoints', () => {
  const endpoints = [
    `/purchases/999999/resend-receipt`,
    `/purchases/999999/revoke`,
    `/purchases/999999/restore`,
    `/purchases/999999/refund`,
  ]
  it.each(ACTORS)(
    '%s: admin and support get through (404 for no such purchase), editor and customer 403, anonymous 401',
    async (actor) => {
      const expected = { admin: 404, support: 404, editor: 403, customer: 403, anonymous: 401 }[
        actor
      ]
      for (const path of endpoints) {
        const response = await rest('POST', path, { ...auth(actor), body: { reason: 'matrix' } })
        expect(response.status, path).toBe(expected)
      }
      // The comp grant: staff get as far as checking the body (400 without a customer).
      const comp = await rest('POST', '/purchases/comp', { ...auth(actor), body: { reason: 'x' } })
      expect(comp.status).toBe(actor === 'admin' || actor === 'support' ? 400 : expected)
    },
  )
})
