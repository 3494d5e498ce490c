import type Stripe from 'stripe'

import type { StripeConnection } from '../types'

import { getStripeClient } from './getStripeClient'

/** The checkout session as Stripe has it now (the success page does not trust the query string). */
export function retrieveCheckoutSession(
  connection: StripeConnection & { secretKey: string },
  sessionId: string,
): Promise<Stripe.Checkout.Session> {
  return getStripeClient(connection).checkout.sessions.retrieve(sessionId)
}
