import type { Payload } from 'payload'

import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from './helpers/getTestPayload'
import { injectStripeFault } from './helpers/stripeEmulator'

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

async function stripePriceError(data: Record<string, unknown>): Promise<string> {
  const error = await publish(data).then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ValidationError)
  const [entry] = (error as ValidationError).data.errors
  expect(entry.path).toBe('stripePriceId')
  return entry.message
}

describe('publishing checks the price against Stripe', () => {
  it('a matching one-time price is saved as verified', async () => {
    const product = await publish({ stripePriceId: 'price_test_123' })
    expect(product.stripePriceVerification).toBe('verified')
    expect(product.stripePriceVerifiedAt).toBeTruthy()
  })

  it('says what differs when the amount does not match', async () => {
    expect(await stripePriceError({ stripePriceId: 'price_test_123', priceCents: 1999 })).toBe(
      'This Stripe price does not match the product: Stripe charges $15.00 but the product says $19.99.',
    )
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
    expect(await stripePriceError({ stripePriceId: 'price_does_not_exist' })).toMatch(
      /Stripe has no price "price_does_not_exist"/,
    )
  })

  it('drafts are not checked, and say so', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Draft',
        slug: `unchecked-${Date.now()}`,
        priceCents: 1,
        currency: 'usd',
        stripePriceId: 'price_does_not_exist',
        _status: 'draft',
      },
      draft: true,
    })
    expect(draft.stripePriceVerification).toBe('unchecked')
  })

  it('editors cannot mark a price verified themselves', async () => {
    const product = await publish({ stripePriceId: 'price_test_123' })
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

  it('when Stripe cannot answer, the publish is saved and the product shows as unchecked', async () => {
    // Stripe answers 500 (with Stripe-Should-Retry: false, so the SDK does not retry it).
    await injectStripeFault({
      method: 'GET',
      path: '/v1/prices/price_test_123',
      status: 500,
      body: { error: { type: 'api_error', message: 'Stripe is having a moment.' } },
      count: 1,
    })
    const product = await publish({ stripePriceId: 'price_test_123' })
    expect(product._status).toBe('published')
    expect(product.stripePriceVerification).toBe('unchecked')
    expect(product.stripePriceVerificationNote).toMatch(
      /^Not checked: Stripe could not be reached \(.*\)\. Saved anyway; it is checked again on the next publish\.$/,
    )
    const stored = await payload.findByID({ collection: 'products', id: product.id })
    expect(stored).toMatchObject({ _status: 'published', stripePriceVerification: 'unchecked' })

    // Once Stripe answers again, the next publish checks it.
    const republished = await payload.update({
      collection: 'products',
      id: product.id,
      data: { _status: 'published' },
    })
    expect(republished.stripePriceVerification).toBe('verified')
  }, 60_000)
})
