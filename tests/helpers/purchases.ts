import type { Purchase } from '@/payload-types'

import { getTestPayload } from './getTestPayload'

let sequence = 0

/**
 * A purchase as fulfilment stores it, written through the Local API (trusted server code), in
 * any status: the download tests need refunded or revoked purchases without replaying Stripe.
 */
export async function createPurchase(args: {
  userId: number
  product: { id: number; slug: string }
  status?: Purchase['status']
}): Promise<Purchase> {
  const payload = await getTestPayload()
  sequence += 1
  return payload.create({
    collection: 'purchases',
    data: {
      user: args.userId,
      product: args.product.id,
      productSlug: args.product.slug,
      stripeSessionId: `cs_test_download_${Date.now()}_${sequence}`,
      amountCents: 1500,
      currency: 'usd',
      status: args.status ?? 'paid',
      source: 'stripe',
    },
    overrideAccess: true,
  })
}
