import type { CollectionSlug, Payload } from 'payload'

import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'

export type SalesDay = { date: string; purchases: number; revenue: Record<string, number> }
export type ProductSales = { title: string; purchases: number; revenue: Record<string, number> }

/** Paid-for sales (comps excluded, refunds and disputes too), per day for `days` days and per product. */
export async function summariseSales(args: {
  payload: Payload
  days?: number
  now?: Date
}): Promise<{ days: SalesDay[]; products: ProductSales[] }> {
  const { payload, days = 30, now = new Date() } = args
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const start = new Date(end.getTime() - (days - 1) * 86_400_000)
  const { docs } = await payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: {
      and: [
        { status: { equals: 'paid' } },
        { source: { equals: 'stripe' } },
        { createdAt: { greater_than_equal: start.toISOString() } },
      ],
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {
      product: true,
      productSlug: true,
      amountCents: true,
      currency: true,
      createdAt: true,
    },
  })
  const byDay = new Map<string, SalesDay>()
  for (let offset = 0; offset < days; offset += 1) {
    const date = new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
    byDay.set(date, { date, purchases: 0, revenue: {} })
  }
  const byProduct = new Map<string, ProductSales & { id: unknown }>()
  for (const doc of docs as unknown as Array<{
    product?: null | number | string
    productSlug: string
    amountCents: number
    currency: string
    createdAt: string
  }>) {
    const day = byDay.get(doc.createdAt.slice(0, 10))
    if (day) {
      day.purchases += 1
      day.revenue[doc.currency] = (day.revenue[doc.currency] ?? 0) + doc.amountCents
    }
    const key = String(doc.product ?? doc.productSlug)
    const entry = byProduct.get(key) ?? {
      id: doc.product,
      title: doc.productSlug,
      purchases: 0,
      revenue: {},
    }
    entry.purchases += 1
    entry.revenue[doc.currency] = (entry.revenue[doc.currency] ?? 0) + doc.amountCents
    byProduct.set(key, entry)
  }
  for (const entry of byProduct.values()) {
    if (entry.id === null || entry.id === undefined) continue
    const product = (await payload.findByID({
      collection: PRODUCTS_SLUG as CollectionSlug,
      id: entry.id as number | string,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
    })) as null | { title?: string }
    if (product?.title) entry.title = product.title
  }
  return {
    days: [...byDay.values()],
    products: [...byProduct.values()]
      .map(({ title, purchases, revenue }) => ({ title, purchases, revenue }))
      .sort((a, b) => b.purchases - a.purchases),
  }
}
