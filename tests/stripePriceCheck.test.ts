import type { Payload } from 'payload'

import net from 'node:net'
import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { ALLOW_UNCONFIRMED_PRICE } from 'payload-plugin-storefront'
import { priceProductForSale } from '@/storefront/operations/priceProductForSale'

import { testStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { createPriceInStripe } from './helpers/products'
import { stripeRequests } from './helpers/stripeEmulator'

let payload: Payload
let sequence = 0

beforeAll(async () => {
  payload = await getTestPayload()
})

const publish = (data: Record<string, unknown>) => {
  sequence += 1
  return payload.create({
    collection: 'products',
    data: {
      title: `Priced ${sequence}`,
      slug: `priced-${Date.now()}-${sequence}`,
      currency: 'usd',
      priceCents: 1500,
      assetFilename: 'workflow-templates.zip',
      _status: 'published',
      ...data,
    },
  })
}

async function errorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return Object.fromEntries(
    (error as ValidationError).data.errors.map((entry) => [entry.path, entry.message]),
  )
}

async function stripePriceError(data: Record<string, unknown>): Promise<string> {
  const errors = await errorsOf(publish(data))
  expect(Object.keys(errors)).toEqual(['stripePriceId'])
  return errors.stripePriceId
}

describe('publishing creates the price in Stripe', () => {
  it('a product without a price id gets a Stripe product and a one-time price, with idempotency keys', async () => {
    const product = await publish({ title: 'Brand new', priceCents: 4900, currency: 'eur' })
    expect(product.stripePriceVerification).toBe('verified')
    expect(product.stripePriceId).toMatch(/^price_/)
    expect(product.stripeProductId).toMatch(/^prod_/)
    const stripe = await testStripe()
    const price = await stripe.prices.retrieve(product.stripePriceId as string)
    expect(price).toMatchObject({
      active: true,
      type: 'one_time',
      unit_amount: 4900,
      currency: 'eur',
      product: product.stripeProductId,
    })
    const stripeProduct = await stripe.products.retrieve(product.stripeProductId as string)
    expect(stripeProduct).toMatchObject({ name: 'Brand new', active: true })
    expect(stripeProduct.metadata.payload_product_slug).toBe(product.slug)
    const creates = [
      ...(await stripeRequests('/v1/products')),
      ...(await stripeRequests('/v1/prices')),
    ].filter((request) => JSON.stringify(request.params).includes(product.slug))
    expect(creates).toHaveLength(2)
    for (const request of creates) expect(request.idempotencyKey).toMatch(/^storefront-/)
  })

  it('a changed price creates a new Stripe price on the same product and archives the old one', async () => {
    const product = await publish({ priceCents: 2000 })
    const firstPriceId = product.stripePriceId as string
    const updated = await payload.update({
      collection: 'products',
      id: product.id,
      data: { priceCents: 2500 },
    })
    expect(updated.stripePriceVerification).toBe('verified')
    expect(updated.stripePriceId).not.toBe(firstPriceId)
    expect(updated.stripeProductId).toBe(product.stripeProductId)
    const stripe = await testStripe()
    expect(await stripe.prices.retrieve(updated.stripePriceId as string)).toMatchObject({
      active: true,
      unit_amount: 2500,
      product: product.stripeProductId,
    })
    expect((await stripe.prices.retrieve(firstPriceId)).active).toBe(false)
    // Back to the first amount: a third price, not the archived first one.
    const back = await payload.update({
      collection: 'products',
      id: product.id,
      data: { priceCents: 2000 },
    })
    expect(back.stripePriceId).not.toBe(firstPriceId)
    expect((await stripe.prices.retrieve(back.stripePriceId as string)).active).toBe(true)
  })

  it('an unchanged product keeps its price when saved again', async () => {
    const product = await publish({})
    const again = await payload.update({
      collection: 'products',
      id: product.id,
      data: { title: 'Renamed' },
    })
    expect(again.stripePriceId).toBe(product.stripePriceId)
  })

  it('a Stripe price id is unique across products', async () => {
    const first = await publish({})
    const message = await stripePriceError({ stripePriceId: first.stripePriceId })
    expect(message).toBe(
      `The Stripe price ${first.stripePriceId} already sells "${first.title}"; each product needs a price of its own. Clear the field to let the shop create one.`,
    )
  })
})

describe('publishing checks a pasted price against Stripe', () => {
  it('a matching one-time price is saved as verified and kept', async () => {
    const { priceId } = await createPriceInStripe({ unitAmount: 1500 })
    const product = await publish({ stripePriceId: priceId })
    expect(product.stripePriceVerification).toBe('verified')
    expect(product.stripePriceId).toBe(priceId)
    expect(product.stripePriceVerifiedAt).toBeTruthy()
  })

  it('says what differs when the amount does not match, and does not replace a pasted price', async () => {
    const { priceId } = await createPriceInStripe({ unitAmount: 1500 })
    expect(await stripePriceError({ stripePriceId: priceId, priceCents: 1999 })).toBe(
      'This Stripe price does not match the product: Stripe charges $15.00 but the product says $19.99. Correct the price above, or clear the Stripe price ID and publish again to let the shop create a matching price.',
    )
    expect((await (await testStripe()).prices.retrieve(priceId)).active).toBe(true)
  })

  it('says what differs when the currency does not match', async () => {
    expect(await stripePriceError({ stripePriceId: 'price_test_eur' })).toMatch(
      /Stripe charges in EUR but the product says USD/,
    )
  })

  it('refuses an archived price and a recurring price', async () => {
    expect(await stripePriceError({ stripePriceId: 'price_test_archived' })).toMatch(
      /archived in Stripe/,
    )
    expect(await stripePriceError({ stripePriceId: 'price_test_monthly' })).toMatch(
      /recurring \(subscription\) price/,
    )
  })

  it('refuses a price Stripe does not have', async () => {
    const missing = `price_does_not_exist_${Date.now()}`
    expect(await stripePriceError({ stripePriceId: missing })).toMatch(
      new RegExp(`^Stripe has no price "${missing}" in this account\\.`),
    )
  })

  it('drafts are not checked, and say when they will be', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Draft',
        slug: `unchecked-${Date.now()}`,
        priceCents: 1,
        currency: 'usd',
        stripePriceId: `price_does_not_exist_${Date.now()}`,
        _status: 'draft',
      },
      draft: true,
    })
    expect(draft.stripePriceVerification).toBe('unchecked')
    expect(draft.stripePriceVerificationNote).toBe(
      'The price is created or checked in Stripe when the product is published.',
    )
  })

  it('editors cannot mark a price verified themselves', async () => {
    const product = await publish({})
    const updated = await payload.update({
      collection: 'products',
      id: product.id,
      data: { stripePriceVerification: 'verified', stripePriceVerificationNote: 'trust me' },
      overrideAccess: false,
      user: await payload.create({
        collection: 'users',
        data: {
          email: `ed-${Date.now()}@test.example`,
          password: 'long password 1',
          roles: ['editor'],
        },
      }),
    })
    expect(updated.stripePriceVerificationNote).toBeFalsy()
  })
})

describe('a product that cannot be delivered is never taken to Stripe', () => {
  it('a missing file refuses the publish with a full sentence and creates nothing in Stripe', async () => {
    const before = (await stripeRequests('/v1/products')).length
    const errors = await errorsOf(publish({ assetFilename: 'not-there.zip' }))
    expect(errors.assetFilename).toMatch(
      /^There is no file "not-there\.zip" in .+\. Upload the file above \(or copy it into that folder\) before publishing, or save as a draft\.$/,
    )
    expect((await stripeRequests('/v1/products')).length).toBe(before)
  })

  it('no file at all refuses the publish', async () => {
    const errors = await errorsOf(publish({ assetFilename: undefined }))
    expect(errors.assetFilename).toBe(
      'A published product needs a file for buyers to download: upload it under File above, or save as a draft.',
    )
  })
})

describe('trusted server code', () => {
  it('may publish with an unconfirmed price (the seed during a build, without Stripe), still marked unconfirmed', async () => {
    sequence += 1
    const product = await payload.create({
      collection: 'products',
      data: {
        title: 'Seeded offline',
        slug: `seeded-offline-${Date.now()}-${sequence}`,
        currency: 'usd',
        priceCents: 1500,
        stripePriceId: `price_missing_${Date.now()}`,
        assetFilename: 'workflow-templates.zip',
        _status: 'published',
      },
      context: { [ALLOW_UNCONFIRMED_PRICE]: true },
    })
    expect(product.stripePriceVerification).toBe('unchecked')
    expect(product.stripePriceVerificationNote).toMatch(/^Stripe has no price/)
  })
})

describe('when Stripe cannot be reached', () => {
  it('the price is left unconfirmed with a sentence saying so, and publishing is refused', async () => {
    // A port with nothing listening: the real SDK gets a connection error, as in an outage.
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as net.AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const result = await priceProductForSale({
      payload,
      connection: { secretKey: 'sk_test_unreachable', host: '127.0.0.1', port, protocol: 'http' },
      product: { slug: 'offline', title: 'Offline', priceCents: 1500, currency: 'usd' },
    })
    expect(result).toMatchObject({
      stripePriceVerification: 'unchecked',
      stripePriceVerificationNote: expect.stringMatching(
        /^Stripe could not be reached \(.+\), so the price was not created or checked\. Publish again in a moment, or save as a draft\.$/,
      ),
    })
  }, 60_000)

  it('without a Stripe key the price is left unconfirmed and says which setting is missing', async () => {
    const result = await priceProductForSale({
      payload,
      connection: {},
      product: { slug: 'keyless', title: 'Keyless', priceCents: 1500, currency: 'usd' },
    })
    expect(result.stripePriceVerificationNote).toMatch(/No Stripe key is configured/)
  })
})
