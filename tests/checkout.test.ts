import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { SLUG_MAX_LENGTH, STRIPE_ID_MAX_LENGTH } from '@/storefront/constants'

import { login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct, releaseStripePrice } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { injectStripeFault, stripeRequests } from './helpers/stripeEmulator'
import { createUser } from './helpers/users'

let payload: Payload
let product: Awaited<ReturnType<typeof createProduct>>
let shopper: { id: number; email: string; token: string; cookie: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Checkout Pack' })
  const user = await createUser(['customer'])
  shopper = { ...user, ...(await login(user.email, user.password)) }
})

const checkout = (
  body: unknown,
  auth: { token?: string; cookie?: string; headers?: Record<string, string> } = {
    token: shopper.token,
  },
) => rest('POST', '/checkout', { body, ...auth })

describe('POST /api/checkout', () => {
  it('401 for an anonymous shopper, with a loginUrl that returns to the product', async () => {
    const response = await checkout({ productSlug: product.slug }, {})
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'Sign in to buy this product.',
      loginUrl: `/login?callbackUrl=%2Fproducts%2F${product.slug}`,
    })
  })

  it('a signed-out form post is sent (303) to the login page', async () => {
    const response = await rest('POST', '/checkout', { form: { productSlug: product.slug } })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      `/login?callbackUrl=%2Fproducts%2F${product.slug}`,
    )
  })

  it('200 {url}: the session Stripe receives carries exactly the agreed parameters', async () => {
    const response = await checkout({ productSlug: product.slug })
    expect(response.status).toBe(200)
    const { url } = (await response.json()) as { url: string }
    expect(url).toMatch(/\/checkout\/cs_test_/)

    const [sent] = (await stripeRequests('/v1/checkout/sessions')).filter(
      (request) =>
        (request.params.metadata as Record<string, string>)?.productSlug === product.slug &&
        request.method === 'POST',
    )
    expect(sent.params).toEqual({
      mode: 'payment',
      line_items: [{ price: product.stripePriceId, quantity: '1' }],
      customer_email: shopper.email,
      client_reference_id: String(shopper.id),
      metadata: { userId: String(shopper.id), productSlug: product.slug },
      allow_promotion_codes: 'false',
      success_url: `http://localhost:3000/products/account?purchased=${product.slug}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `http://localhost:3000/products/${product.slug}?canceled=1`,
    })
    expect(sent.idempotencyKey).toMatch(/^checkout-session\/[0-9a-f]{64}$/)
  })

  it('a double submit gets the same session back: one idempotency key per shopper, product and minute', async () => {
    // The key changes each minute; should the two posts straddle a minute boundary, post again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const minute = Math.floor(Date.now() / 60_000)
      const [first, second] = await Promise.all([
        checkout({ productSlug: product.slug }),
        checkout({ productSlug: product.slug }),
      ])
      if (Math.floor(Date.now() / 60_000) !== minute) continue
      const urls = [await first.json(), await second.json()].map(
        (body) => (body as { url: string }).url,
      )
      expect(urls[0]).toMatch(/\/checkout\/cs_test_/)
      expect(urls[1]).toBe(urls[0])
      const keys = (await stripeRequests('/v1/checkout/sessions'))
        .filter((request) => request.method === 'POST')
        .slice(-2)
        .map((request) => request.idempotencyKey)
      expect(keys[1]).toBe(keys[0])
      break
    }
    // Another shopper buying the same product in the same minute gets a session of their own.
    const other = await createUser(['customer'])
    const { token } = await login(other.email, other.password)
    const theirs = (await (await checkout({ productSlug: product.slug }, { token })).json()) as {
      url: string
    }
    const mine = (await (await checkout({ productSlug: product.slug })).json()) as { url: string }
    expect(theirs.url).not.toBe(mine.url)
  })

  it('after a checkout completed (a bank transfer that failed), Try again in the same minute gets a fresh session', async () => {
    const user = await createUser(['customer'])
    const { token } = await login(user.email, user.password)
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const minute = Math.floor(Date.now() / 60_000)
      const first = (await (await checkout({ productSlug: product.slug }, { token })).json()) as {
        url: string
      }
      await createPurchase({ userId: user.id, product, status: 'failed' })
      const again = (await (await checkout({ productSlug: product.slug }, { token })).json()) as {
        url: string
      }
      if (Math.floor(Date.now() / 60_000) !== minute) continue
      expect(again.url).toMatch(/\/checkout\/cs_test_/)
      expect(again.url).not.toBe(first.url)
      break
    }
  })

  it('the longest slug and price id the shop allows check out, with an idempotency key Stripe accepts', async () => {
    const slug = `long-${Date.now()}-`.padEnd(SLUG_MAX_LENGTH, 'x')
    expect(slug).toHaveLength(SLUG_MAX_LENGTH)
    const priceId = 'price_test_'.padEnd(STRIPE_ID_MAX_LENGTH, 'x')
    await releaseStripePrice(priceId)
    await createProduct({ slug, stripePriceId: priceId })
    const response = await checkout({ productSlug: slug })
    expect(response.status).toBe(200)
    const [sent] = (await stripeRequests('/v1/checkout/sessions')).filter(
      (request) => (request.params.metadata as Record<string, string>)?.productSlug === slug,
    )
    expect(sent.params.line_items).toEqual([{ price: priceId, quantity: '1' }])
    expect(sent.idempotencyKey!.length).toBeLessThanOrEqual(255)
    expect(sent.status).toBe(200)
    // One character more is refused when the product is saved, so it never reaches checkout.
    await expect(createProduct({ slug: `${slug}x` })).rejects.toMatchObject({
      data: { errors: [{ path: 'slug', message: expect.stringMatching(/100 or fewer/) }] },
    })
  })

  it('a signed-in form post gets 303 to Stripe Checkout', async () => {
    const response = await rest('POST', '/checkout', {
      form: { productSlug: product.slug },
      token: shopper.token,
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/\/checkout\/cs_test_/)
  })

  it('a same-origin cookie authenticates; the same cookie from another origin does not', async () => {
    const sameOrigin = await checkout(
      { productSlug: product.slug },
      { cookie: shopper.cookie, headers: { Origin: 'http://localhost:3000' } },
    )
    expect(sameOrigin.status).toBe(200)
    const crossOrigin = await checkout(
      { productSlug: product.slug },
      { cookie: shopper.cookie, headers: { Origin: 'https://evil.example' } },
    )
    expect(crossOrigin.status).toBe(401)
    const crossSite = await checkout(
      { productSlug: product.slug },
      { cookie: shopper.cookie, headers: { 'Sec-Fetch-Site': 'cross-site' } },
    )
    expect(crossSite.status).toBe(401)
  })

  it.each([
    ['no slug', {}],
    ['a non-string slug', { productSlug: 42 }],
    ['a slug with a path in it', { productSlug: '../admin' }],
  ])('400 for %s, with a sentence saying what to send', async (_, body) => {
    const response = await checkout(body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/productSlug/)
  })

  it('400 for a body that is not JSON', async () => {
    const response = await rest('POST', '/checkout', { rawBody: '{not json', token: shopper.token })
    expect(response.status).toBe(400)
  })

  it('404 for an unknown product', async () => {
    const response = await checkout({ productSlug: 'no-such-product' })
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: string }).error).toBe(
      'No product found for slug "no-such-product". It may have been unpublished or renamed; pick it again from the catalog.',
    )
  })

  it('404 for an unpublished (draft) product', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Draft',
        slug: `draft-${Date.now()}`,
        priceCents: 1500,
        currency: 'usd',
        _status: 'draft',
      },
      draft: true,
    })
    expect((await checkout({ productSlug: draft.slug })).status).toBe(404)
  })

  it('422 for a product with a placeholder price, naming the product and the field', async () => {
    const placeholder = await payload.create({
      collection: 'products',
      data: {
        title: 'Placeholder',
        slug: `placeholder-${Date.now()}`,
        priceCents: 1500,
        currency: 'usd',
        stripePriceId: `price_REPLACE_ME_${Date.now()}`,
        _status: 'draft',
      },
      draft: true,
    })
    // Published straight in the database: what an old row or an import could leave behind.
    await payload.db.updateOne({
      collection: 'products',
      id: placeholder.id,
      data: { _status: 'published' },
    })
    const response = await checkout({ productSlug: placeholder.slug })
    expect(response.status).toBe(422)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /"Placeholder" .* placeholder Stripe price ID .*"Stripe price ID" field/,
    )
  })

  it('502 when Stripe answers without a checkout url', async () => {
    await injectStripeFault({
      path: '/v1/checkout/sessions',
      status: 200,
      body: { id: 'cs_test_nourl', object: 'checkout.session', url: null },
    })
    const response = await checkout({ productSlug: product.slug })
    expect(response.status).toBe(502)
    expect(((await response.json()) as { error: string }).error).toMatch(/Nothing was charged/)
  })

  it('502 when Stripe fails', async () => {
    await injectStripeFault({
      path: '/v1/checkout/sessions',
      status: 500,
      body: { error: { type: 'api_error', message: 'boom' } },
    })
    expect((await checkout({ productSlug: product.slug })).status).toBe(502)
  })
})
