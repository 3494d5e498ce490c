import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo } from './types'

import { StripeApiError } from './StripeApiError'

/** `POST /v1/checkout/sessions/:id/expire`: only an open session can expire; the shop hears `checkout.session.expired`. */
export function expireCheckoutSession(
  context: EmulatorContext,
  sessionId: string,
  request: ApiRequestInfo,
): Stripe.Checkout.Session {
  const session = context.state.sessions.get(sessionId)
  if (!session) throw StripeApiError.resourceMissing('checkout.session', sessionId, 'id', true)
  if (session.status !== 'open') {
    throw StripeApiError.invalid(
      undefined,
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    )
  }
  session.status = 'expired'
  session.url = null
  context.publishEvent('checkout.session.expired', session, request)
  return session
}
