import type Stripe from 'stripe'

import { InvalidSessionMetadataError } from '../errors/InvalidSessionMetadataError'

/** userId and productSlug, which POST /api/checkout put on every session it created. */
export function readSessionMetadata(session: Stripe.Checkout.Session): {
  userId: string
  productSlug: string
} {
  const userId = session.metadata?.userId
  const productSlug = session.metadata?.productSlug
  if (!userId)
    throw new InvalidSessionMetadataError(
      `Checkout session ${session.id} has no userId in its metadata, so it cannot be attributed to a shopper.`,
    )
  if (!productSlug)
    throw new InvalidSessionMetadataError(
      `Checkout session ${session.id} has no productSlug in its metadata, so the shop cannot tell what was bought.`,
    )
  return { userId, productSlug }
}
