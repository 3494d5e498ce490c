import type { CollectionSlug, Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { PURCHASES_SLUG } from '../constants'
import { StorefrontError } from '../errors'
import { resolveStripePriceId } from '../fulfilment/products'
import { createCheckoutSession } from '../stripe/checkoutSessions'

export type StartCheckoutArgs = {
  payload: Payload
  options: ResolvedStorefrontOptions
  /** The signed-in shopper; the endpoint has already checked who they are. */
  user: { id: number | string; email: string }
  productSlug: string
}

/**
 * Starts a Stripe Checkout Session for one published product and returns Stripe's hosted page.
 * @throws StorefrontError 404 unknown or unpublished product, 422 not purchasable, 502 Stripe failed
 */
export async function startCheckout(args: StartCheckoutArgs): Promise<{ url: string }> {
  const { payload, options, user, productSlug } = args
  const price = await resolveStripePriceId(payload, productSlug)

  const { secretKey } = options.stripe
  if (!secretKey) {
    payload.logger.error(
      'Checkout refused: no Stripe secret key is configured (STRIPE_SECRET_KEY).',
    )
    throw new StorefrontError('Payments are unavailable right now. Please try again later.', 502)
  }
  const serverURL = payload.config.serverURL
  const { routes } = options
  const { totalDocs: previousPurchases } = await payload.count({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { and: [{ user: { equals: user.id } }, { productSlug: { equals: productSlug } }] },
    overrideAccess: true,
  })
  try {
    const session = await createCheckoutSession(
      { ...options.stripe, secretKey },
      {
        priceId: price.priceId,
        productSlug,
        user,
        previousPurchases,
        successUrl: `${serverURL}${routes.account}?purchased=${encodeURIComponent(productSlug)}&session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${serverURL}${routes.product(productSlug)}?canceled=1`,
      },
    )
    if (!session.url)
      throw new Error(`Stripe returned checkout session ${session.id} without a url.`)
    return { url: session.url }
  } catch (error) {
    payload.logger.error({ err: error, productSlug }, 'Stripe could not create a checkout session.')
    throw new StorefrontError(
      'We could not reach the payment provider to start checkout. Nothing was charged; please try again in a moment.',
      502,
    )
  }
}
