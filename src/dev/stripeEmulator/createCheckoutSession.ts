import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { StripeParams } from './types'

import { buildCheckoutSession, buildLineItem } from './buildCheckoutSession'
import { validateCheckoutSessionParams } from './validateCheckoutSessionParams'

/** `POST /v1/checkout/sessions`: an open session whose `url` is the emulator's hosted page. */
export function createCheckoutSession(
  context: EmulatorContext,
  params: StripeParams,
): Stripe.Checkout.Session {
  const { state, options } = context
  const request = validateCheckoutSessionParams(params, state.prices)
  const lineItems = request.lineItems.map(({ price, quantity }) =>
    buildLineItem(state, { price, quantity }),
  )
  const amount = lineItems.reduce((sum, item) => sum + item.amount_total, 0)
  const session = buildCheckoutSession({ request, amount, publicUrl: options.publicUrl })
  state.sessions.set(session.id, session)
  state.lineItems.set(session.id, lineItems)
  state.intentData.set(session.id, request.paymentIntentData)
  if (request.ignoredParams.length > 0) {
    options.log(
      `checkout session ${session.id}: accepted but not emulated: ${request.ignoredParams.join(', ')}`,
    )
  }
  return session
}
