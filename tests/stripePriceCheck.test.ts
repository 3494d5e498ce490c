import type { Payload } from 'payload'

import net from 'node:net'
import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { verifyStripePriceOnPublish } from '@/storefront/hooks/verifyStripePriceOnPublish'

import { getTestPayload } from './helpers/getTestPayload'

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

  it('when Stripe cannot be reached, saving still works and the product shows as unchecked', async () => {
    // A port with nothing listening: the real SDK gets a connection error, as in an outage.
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as net.AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const hook = verifyStripePriceOnPublish({
      secretKey: 'sk_test_unreachable',
      host: '127.0.0.1',
      port,
      protocol: 'http',
    })
    const data = {
      _status: 'published',
      stripePriceId: 'price_test_123',
      priceCents: 1500,
      currency: 'usd',
    }
    const result = (await hook({
      data,
      originalDoc: undefined,
      req: { payload } as never,
      collection: { slug: 'products' } as never,
      operation: 'create',
      context: {},
    })) as Record<string, unknown>
    expect(result).toMatchObject({
      stripePriceVerification: 'unchecked',
      stripePriceVerificationNote: expect.stringMatching(/Stripe could not be reached/),
    })
  }, 60_000)
})
