import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import { APIError } from 'payload'

import { PURCHASES_SLUG } from '../constants'

/**
 * A purchase is the shop's record of a payment (Stripe, refunds, disputes and the receipt all
 * point at it), so it must outlive nothing it names. Deleting its customer would leave it without
 * an owner (and PostgreSQL refuses the null), so the deletion is refused with what to do instead.
 */
export const refuseDeletingCustomerWithPurchases: CollectionBeforeDeleteHook = async ({
  id,
  req,
}) => {
  const { totalDocs } = await req.payload.count({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { user: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) return
  const purchases = totalDocs === 1 ? 'a purchase' : `${totalDocs} purchases`
  throw new APIError(
    `This customer has ${purchases}, which the shop keeps as its payment records. Revoke their access from the purchase page instead, or change the account's email and password to close it.`,
    409,
    null,
    true,
  )
}
