import type { CollectionSlug } from 'payload'

import { randomUUID } from 'node:crypto'

import type { PurchaseDoc } from '../../fulfilment/types'
import type { StaffRequest } from './staffAction'

import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../../constants'
import { inDurableTransaction } from '../../database/transactions'
import { StorefrontError } from '../../errors'
import { recordStaffAction } from './staffAction'

/**
 * Gives a customer a product without payment: a paid purchase with source `comp`, no Stripe
 * involved. The receipt is queued as for any paid purchase.
 * @throws StorefrontError 404 unknown user or product
 */
export async function grantComplimentaryPurchase(
  args: StaffRequest & {
    customer: { id: number | string } | { email: string }
    productId: number | string
  },
): Promise<PurchaseDoc> {
  const { req, options, customer } = args
  return inDurableTransaction(req.payload, async (tx) => {
    const { docs } = await tx.payload.find({
      collection: options.usersSlug as CollectionSlug,
      where:
        'id' in customer ? { id: { equals: customer.id } } : { email: { equals: customer.email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req: tx,
    })
    const user = docs[0] as undefined | { id: number | string; email?: string }
    if (!user)
      throw new StorefrontError(
        `There is no customer ${'id' in customer ? customer.id : customer.email}; they need an account first.`,
        404,
      )
    const product = (await tx.payload.findByID({
      collection: PRODUCTS_SLUG as CollectionSlug,
      id: args.productId,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req: tx,
    })) as null | { id: number | string; slug: string; currency: string; title: string }
    if (!product) throw new StorefrontError(`There is no product ${args.productId}.`, 404)
    const created = (await tx.payload.create({
      collection: PURCHASES_SLUG as CollectionSlug,
      data: {
        user: user.id,
        customerEmail: user.email,
        product: product.id,
        productSlug: product.slug,
        // Unique like a checkout session id, and plainly not one.
        stripeSessionId: `comp_${randomUUID()}`,
        amountCents: 0,
        currency: product.currency,
        status: 'paid',
        source: 'comp',
        paidAt: new Date().toISOString(),
      } as never,
      depth: 0,
      overrideAccess: true,
      req: tx,
    })) as unknown as PurchaseDoc
    return recordStaffAction(tx, created, args.staff, {
      action: 'comp_grant',
      reason: args.reason,
      detail: `"${product.title}" granted to ${user.email ?? user.id}`,
    })
  })
}
