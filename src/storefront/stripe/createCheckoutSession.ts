import type Stripe from 'stripe'

import type { ResolvedPrice } from './resolveStripePriceId'

export type CheckoutRequest = {
  price: ResolvedPrice
  productSlug: string
  user: { id: number | string; email: string }
  serverURL: string
}

/**
 * One Stripe Checkout Session for one product, paid once (mode payment, quantity 1).
 * The metadata (userId, productSlug) is what fulfilment reads back from the webhook.
 */
export function createCheckoutSession(
  stripe: Stripe,
  { price, productSlug, user, serverURL }: CheckoutRequest,
) {
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [{ price: price.priceId, quantity: 1 }],
    customer_email: user.email,
    client_reference_id: String(user.id),
    metadata: { userId: String(user.id), productSlug },
    allow_promotion_codes: false,
    success_url: `${serverURL}/products/account?purchased=${encodeURIComponent(productSlug)}&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${serverURL}/products/${encodeURIComponent(productSlug)}?canceled=1`,
  }
  // Same shopper, product and minute: a double submit or a client retry gets the same session
  // back from Stripe instead of a second one. A later attempt gets a fresh session.
  const idempotencyKey = `checkout-session/${user.id}/${productSlug}/${price.priceId}/${Math.floor(Date.now() / 60_000)}`
  return stripe.checkout.sessions.create(params, { idempotencyKey })
}
