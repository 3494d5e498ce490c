import type { CollectionSlug, Payload } from 'payload'

import type { ReceiptInput } from '../email/renderReceiptEmail'
import type { PurchaseDoc } from '../fulfilment/PurchaseDoc'
import type { ResolvedStorefrontOptions } from '../types'

import { PRODUCTS_SLUG } from '../utilities/PRODUCTS_SLUG'
import { PURCHASES_SLUG } from '../utilities/PURCHASES_SLUG'

/** Everything an email about a purchase needs, read fresh when the job runs. */
export async function loadEmailContext(
  payload: Payload,
  options: ResolvedStorefrontOptions,
  purchaseId: number | string,
): Promise<{ purchase: PurchaseDoc; input: ReceiptInput }> {
  const purchase = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchaseId,
    depth: 0,
  })) as unknown as PurchaseDoc
  const productId = typeof purchase.product === 'object' ? purchase.product?.id : purchase.product
  const product = productId
    ? ((await payload.findByID({
        collection: PRODUCTS_SLUG as CollectionSlug,
        id: productId,
        depth: 0,
        disableErrors: true,
      })) as null | { title?: string })
    : null
  let customerEmail = purchase.customerEmail
  if (!customerEmail) {
    const userId = typeof purchase.user === 'object' ? purchase.user.id : purchase.user
    const user = (await payload.findByID({
      collection: options.usersSlug as CollectionSlug,
      id: userId,
      depth: 0,
    })) as { email: string }
    customerEmail = user.email
  }
  return {
    purchase,
    input: {
      storeName: options.storeName,
      siteUrl: payload.config.serverURL,
      purchaseId: purchase.id,
      productTitle: product?.title ?? null,
      productSlug: purchase.productSlug,
      amountCents: purchase.amountCents,
      currency: purchase.currency,
      customerEmail,
    },
  }
}
