import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

import { testStripe } from './checkoutInStripe'
import { getTestPayload } from './getTestPayload'

let sequence = 0

export type TestProduct = {
  id: number
  slug: string
  title: string
  stripePriceId: string
  stripeProductId: string
}

/**
 * A published product at $15.00 selling the demo file. Without a `stripePriceId` the shop creates
 * its Stripe product and price on publish, as it does for an editor; each product has its own.
 */
export async function createProduct(overrides: Record<string, unknown> = {}): Promise<TestProduct> {
  const payload = await getTestPayload()
  sequence += 1
  const product = await payload.create({
    collection: 'products',
    data: {
      title: `Product ${sequence}`,
      slug: `product-${Date.now()}-${sequence}`,
      priceCents: 1500,
      currency: 'usd',
      assetFilename: 'workflow-templates.zip',
      _status: 'published',
      ...overrides,
    },
  })
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    stripePriceId: product.stripePriceId as string,
    stripeProductId: product.stripeProductId as string,
  }
}

/**
 * A one-time price made in Stripe (the emulator) the way someone in the Stripe dashboard makes
 * one, to paste into a product: not created by the shop.
 */
export async function createPriceInStripe(
  price: { unitAmount?: number; currency?: string; productName?: string } = {},
): Promise<{ priceId: string; stripeProductId: string }> {
  const stripe = await testStripe()
  const product = await stripe.products.create({ name: price.productName ?? 'Made in Stripe' })
  const created = await stripe.prices.create({
    product: product.id,
    unit_amount: price.unitAmount ?? 1500,
    currency: price.currency ?? 'usd',
  })
  return { priceId: created.id, stripeProductId: product.id }
}

/**
 * Takes a fixed emulator price (seeded by the test run) off the products an earlier run of the
 * same file left on it, since a price backs one product only: a file that pastes one can then
 * run again against the same database, as Stryker does once per mutant. Written past the hooks,
 * as cleanup: those products are never looked at again.
 */
export async function releaseStripePrice(priceId: string): Promise<void> {
  const payload = await getTestPayload()
  const { drizzle } = payload.db as unknown as PostgresAdapter
  await drizzle.execute(
    sql`update products set stripe_price_id = null where stripe_price_id = ${priceId}`,
  )
}
