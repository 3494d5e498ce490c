import type { Payload } from 'payload'

import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createUser } from './helpers/users'

let payload: Payload
let sequence = 0

function productData(overrides: Record<string, unknown> = {}) {
  sequence += 1
  return {
    title: `Test product ${sequence}`,
    slug: `test-product-${Date.now()}-${sequence}`,
    priceCents: 1500,
    currency: 'usd' as const,
    assetFilename: 'workflow-templates.zip',
    _status: 'published' as const,
    ...overrides,
  }
}

async function validationMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).data.errors.map((e) => `${e.path}: ${e.message}`).join('\n')
}

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('product validation', () => {
  it('rejects publishing with the REPLACE_ME placeholder price and says how to fix it', async () => {
    const message = await validationMessage(
      payload.create({
        collection: 'products',
        data: productData({ stripePriceId: `price_REPLACE_ME_${Date.now()}` }),
      }),
    )
    expect(message).toMatch(
      /stripePriceId: .*placeholder "REPLACE_ME"\. Clear it to let the shop create the price, or paste the real price ID from Stripe, before publishing\./,
    )
  })

  it('allows the placeholder on a draft, then refuses to publish it', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: productData({
        stripePriceId: `price_REPLACE_ME_draft_${Date.now()}`,
        _status: 'draft',
      }),
      draft: true,
    })
    expect(draft._status).toBe('draft')
    const message = await validationMessage(
      payload.update({ collection: 'products', id: draft.id, data: { _status: 'published' } }),
    )
    expect(message).toContain('REPLACE_ME')
  })

  it('rejects a price id that is not a Stripe price id', async () => {
    const message = await validationMessage(
      payload.create({ collection: 'products', data: productData({ stripePriceId: 'prod_ABC' }) }),
    )
    expect(message).toMatch(/stripePriceId: .*must start with "price_"/)
  })

  it('requires a file to publish, and takes nothing to Stripe until there is one', async () => {
    const message = await validationMessage(
      payload.create({
        collection: 'products',
        data: productData({ assetFilename: undefined }),
      }),
    )
    expect(message).toContain(
      'assetFilename: A published product needs a file for buyers to download: upload it under File above, or save as a draft.',
    )
    expect(message).not.toContain('stripePriceId')
  })

  it('drafts may be incomplete: no file, no price id', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: productData({ assetFilename: undefined, _status: 'draft' }),
      draft: true,
    })
    expect(draft).toMatchObject({ _status: 'draft', stripePriceId: null })
  })

  it('fills an empty slug from the title, and keeps one the editor typed', async () => {
    const stamp = Date.now()
    const filled = await payload.create({
      collection: 'products',
      data: productData({ title: `Café Notes — 2nd ed. ${stamp}`, slug: '', _status: 'draft' }),
      draft: true,
    })
    expect(filled.slug).toBe(`cafe-notes-2nd-ed-${stamp}`)
    const typed = await payload.create({
      collection: 'products',
      data: productData({ title: `Other ${stamp}`, slug: `my-own-${stamp}`, _status: 'draft' }),
      draft: true,
    })
    expect(typed.slug).toBe(`my-own-${stamp}`)
  })

  it.each([
    ['../secrets.zip'],
    ['..'],
    ['nested/file.zip'],
    ['nested\\file.zip'],
    ['/etc/passwd'],
    ['C:evil.zip'],
    ['file\0.zip'],
    [' padded.zip'],
  ])('rejects the unsafe file name %j, on drafts too', async (assetFilename) => {
    const message = await validationMessage(
      payload.create({
        collection: 'products',
        data: productData({ assetFilename, _status: 'draft' }),
        draft: true,
      }),
    )
    expect(message).toMatch(/assetFilename: The file name .*inside private\/products/)
  })

  it('rejects a duplicate slug', async () => {
    const first = productData()
    await payload.create({ collection: 'products', data: first })
    const message = await validationMessage(
      payload.create({ collection: 'products', data: productData({ slug: first.slug }) }),
    )
    expect(message).toMatch(/slug/)
  })

  it('rejects a slug that cannot be a web address, a fractional price and a bad currency', async () => {
    const message = await validationMessage(
      payload.create({
        collection: 'products',
        data: productData({
          slug: 'Bad Slug!',
          priceCents: 12.5,
          currency: 'USD' as 'usd',
        }),
      }),
    )
    expect(message).toContain('slug: "Bad Slug!" cannot be used in a web address')
    expect(message).toContain(
      'priceCents: Enter the price as an amount of money of zero or more, e.g. 49.00.',
    )
    expect(message).toContain('currency: Pick the currency from the list (USD, EUR,')
  })

  it('REST answers 400 with the field message for an editor saving a bad product', async () => {
    const editor = await createUser(['editor'])
    const { token } = await login(editor.email, editor.password)
    const response = await rest('POST', '/products', {
      token,
      body: productData({ assetFilename: '../../etc/passwd' }),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      errors: Array<{ data?: { errors: Array<{ path: string; message: string }> } }>
    }
    expect(body.errors[0].data?.errors.map((error) => error.path)).toContain('assetFilename')
  })
})

describe('product access', () => {
  let published: { id: number; slug: string }
  let draft: { id: number; slug: string }

  beforeAll(async () => {
    published = await payload.create({ collection: 'products', data: productData() })
    draft = await payload.create({
      collection: 'products',
      data: productData({ _status: 'draft' }),
      draft: true,
    })
  })

  it('anonymous visitors see published products only (REST)', async () => {
    const response = await rest('GET', '/products?limit=100')
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: Array<{ slug: string; _status: string }> }
    const slugs = docs.map((doc) => doc.slug)
    expect(slugs).toContain(published.slug)
    expect(slugs).not.toContain(draft.slug)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
    expect((await rest('GET', `/products/${draft.id}`)).status).toBe(404)
  })

  it('anonymous visitors see published products only (Local API with access)', async () => {
    const { docs } = await payload.find({
      collection: 'products',
      overrideAccess: false,
      limit: 100,
    })
    expect(docs.map((doc) => doc.slug)).not.toContain(draft.slug)
    expect(docs.map((doc) => doc.slug)).toContain(published.slug)
  })

  it('editors see drafts', async () => {
    const editor = await createUser(['editor'])
    const { token } = await login(editor.email, editor.password)
    expect((await rest('GET', `/products/${draft.id}?draft=true`, { token })).status).toBe(200)
  })

  it.each([['customer'], ['support']] as const)(
    'a %s cannot create, update or delete products',
    async (role) => {
      const user = await createUser([role])
      const { token } = await login(user.email, user.password)
      expect((await rest('POST', '/products', { token, body: productData() })).status).toBe(403)
      expect(
        (await rest('PATCH', `/products/${published.id}`, { token, body: { priceCents: 1 } }))
          .status,
      ).toBe(403)
      expect((await rest('DELETE', `/products/${published.id}`, { token })).status).toBe(403)
      expect(
        (await payload.findByID({ collection: 'products', id: published.id })).priceCents,
      ).toBe(1500)
    },
  )

  it('anonymous cannot create products', async () => {
    expect((await rest('POST', '/products', { body: productData() })).status).toBe(403)
  })

  it('editors can create and publish products', async () => {
    const editor = await createUser(['editor'])
    const { token } = await login(editor.email, editor.password)
    const response = await rest('POST', '/products', { token, body: productData() })
    expect(response.status).toBe(201)
  })
})
