import { describe, expect, it } from 'vitest'

import { summariseSales } from '@/storefront/operations/salesSummary'

import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'

describe('the sales panel counts paid Stripe purchases per day and per product', () => {
  it('counts paid purchases only, with revenue per currency, today in the last of 30 days', async () => {
    const payload = await getTestPayload()
    const product = await createProduct({ title: `Chart Pack ${Date.now()}` })
    const buyer = await createUser(['customer'])
    const before = await summariseSales({ payload })
    for (const status of ['paid', 'paid', 'refunded', 'pending'] as const)
      await createPurchase({ userId: buyer.id, product, status })
    const after = await summariseSales({ payload })
    expect(after.days).toHaveLength(30)
    const today = new Date().toISOString().slice(0, 10)
    expect(after.days.at(-1)!.date).toBe(today)
    expect(after.days.at(-1)!.purchases - before.days.at(-1)!.purchases).toBe(2)
    expect(after.products.find((entry) => entry.title === product.title)).toEqual({
      title: product.title,
      purchases: 2,
      revenue: { usd: 3000 },
    })
  })
})
