import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { StorefrontError } from '@/storefront/errors'
import { resolveStripePriceId } from '@/storefront/fulfilment/products'

import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('resolveStripePriceId (the price map)', () => {
  it('returns the price id, amount and currency of a published product', async () => {
    const product = await createProduct({ priceCents: 1500, currency: 'usd' })
    expect(await resolveStripePriceId(payload, product.slug)).toEqual({
      priceId: product.stripePriceId,
      amountCents: 1500,
      currency: 'usd',
    })
  })

  it('throws "No product found for slug" for an unknown slug', async () => {
    await expect(resolveStripePriceId(payload, 'never-existed')).rejects.toMatchObject({
      name: 'StorefrontError',
      status: 404,
    })
    await expect(resolveStripePriceId(payload, 'never-existed')).rejects.toThrow(
      'No product found for slug "never-existed"',
    )
  })

  it('throws "No product found for slug" for an unpublished product', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Hidden',
        slug: `hidden-${Date.now()}`,
        priceCents: 1500,
        currency: 'usd',
        _status: 'draft',
      },
      draft: true,
    })
    await expect(resolveStripePriceId(payload, draft.slug)).rejects.toThrow(
      /No product found for slug/,
    )
  })

  it('throws an actionable placeholder error naming the product and the field', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Seeded',
        slug: `seeded-${Date.now()}`,
        priceCents: 1500,
        currency: 'usd',
        stripePriceId: `price_REPLACE_ME_seeded_${Date.now()}`,
        _status: 'draft',
      },
      draft: true,
    })
    await payload.db.updateOne({
      collection: 'products',
      id: draft.id,
      data: { _status: 'published' },
    })
    const error = await resolveStripePriceId(payload, draft.slug).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(StorefrontError)
    expect((error as StorefrontError).status).toBe(422)
    expect((error as Error).message).toBe(
      `"Seeded" (${draft.slug}) has a placeholder Stripe price ID (REPLACE_ME), so it cannot be bought yet. An editor must set the product's "Stripe price ID" field to the real price ID from Stripe.`,
    )
  })
})
