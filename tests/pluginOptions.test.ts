import config from '@payload-config'
import { createPayloadRequest, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getStorefrontOptions, storefront } from 'payload-plugin-storefront'
import { createCheckoutEndpoint } from '@/storefront/endpoints/checkout'
import { productPagePaths } from '@/storefront/hooks/revalidateProductPages'
import { createSendPurchaseReceiptTask } from '@/storefront/jobs/purchaseEmails'
import { startCheckout } from '@/storefront/operations/startCheckout'
import { resolveOptions } from '@/storefront/options'

import { getTestPayload } from './helpers/getTestPayload'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { stripeRequests } from './helpers/stripeEmulator'
import { createUser } from './helpers/users'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const shopRoutes = {
  login: '/shop/sign-in',
  account: '/shop/me',
  catalog: ['/shop'],
  product: (slug: string) => `/shop/item/${slug}`,
  purchase: (id: number | string) => `/shop/me/orders/${id}`,
}

describe('email.from', () => {
  it('is required while the plugin is enabled, with a sentence saying what to set', () => {
    expect(() => storefront({})({ collections: [] } as never)).toThrow(
      /set email\.from to the sender of receipts, on a domain verified in Resend/,
    )
    expect(() => resolveOptions({ email: { from: '  ' } })).toThrow(/email\.from/)
  })

  it('is not needed while the plugin is disabled', () => {
    expect(() => storefront({ disabled: true })({ collections: [] } as never)).not.toThrow()
  })
})

describe('routes', () => {
  it("default to the reference shop's pages", () => {
    const { routes } = getStorefrontOptions(payload)
    expect([routes.login, routes.account, routes.catalog]).toEqual([
      '/login',
      '/products/account',
      ['/products', '/'],
    ])
    expect([routes.product('a'), routes.purchase(7)]).toEqual([
      '/products/a',
      '/products/account/purchases/7',
    ])
  })

  it("shape checkout's return URLs", async () => {
    const product = await createProduct()
    const shopper = await createUser(['customer'])
    const options = resolveOptions({ ...getStorefrontOptions(payload), routes: shopRoutes })
    await startCheckout({ payload, options, user: shopper, productSlug: product.slug })
    const [sent] = (await stripeRequests('/v1/checkout/sessions')).filter(
      (request) =>
        (request.params.metadata as Record<string, string>)?.productSlug === product.slug,
    )
    expect(sent.params.success_url).toBe(
      `http://localhost:3000/shop/me?purchased=${product.slug}&session_id={CHECKOUT_SESSION_ID}`,
    )
    expect(sent.params.cancel_url).toBe(
      `http://localhost:3000/shop/item/${product.slug}?canceled=1`,
    )
  })

  it('shape the sign-in URL a signed-out shopper is given', async () => {
    const options = resolveOptions({ ...getStorefrontOptions(payload), routes: shopRoutes })
    const request = new Request('http://localhost:3000/api/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ productSlug: 'some-thing' }),
    })
    const req = await createPayloadRequest({ config, request })
    const response = await createCheckoutEndpoint(options).handler(req)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      loginUrl: '/shop/sign-in?callbackUrl=%2Fshop%2Fitem%2Fsome-thing',
    })
  })

  it("shape the receipt's links", async () => {
    const shopper = await createUser(['customer'])
    const purchase = await payload.create({
      collection: 'purchases',
      data: {
        user: shopper.id,
        customerEmail: shopper.email,
        productSlug: 'routes-pack',
        stripeSessionId: `cs_test_routes_${Date.now()}`,
        amountCents: 1500,
        currency: 'usd',
        status: 'paid',
        source: 'stripe',
        receipt: { status: 'sent' }, // the app's own receipt job stays out of this test
      },
    })
    await payload.update({
      collection: 'purchases',
      id: purchase.id,
      data: { receipt: { status: 'not_sent' } },
    })
    const options = resolveOptions({ ...getStorefrontOptions(payload), routes: shopRoutes })
    const task = createSendPurchaseReceiptTask(options)
    const req = await createPayloadRequest({
      config,
      request: new Request('http://localhost:3000/'),
    })
    await (task.handler as (args: unknown) => Promise<unknown>)({
      input: { purchaseId: String(purchase.id) },
      req,
    })
    const [mail] = await mailTo(shopper.email)
    expect(mail.text).toContain(
      `Download your file: http://localhost:3000/shop/me/orders/${purchase.id}`,
    )
    expect(mail.text).toContain(
      `(http://localhost:3000/shop/sign-in?callbackUrl=%2Fshop%2Fme%2Forders%2F${purchase.id})`,
    )
  })

  it('shape the pages revalidated when a product changes', () => {
    const options = resolveOptions({ ...getStorefrontOptions(payload), routes: shopRoutes })
    expect(
      productPagePaths(
        [
          { id: 1, slug: 'new' },
          { id: 1, slug: 'old' },
        ],
        options.routes,
      ),
    ).toEqual(['/shop', '/shop/item/new', '/shop/item/old'])
  })
})
