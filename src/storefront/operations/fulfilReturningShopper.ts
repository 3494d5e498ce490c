import type { Payload } from 'payload'

import type { PurchaseDoc } from '../fulfilment/types'

import { fulfil } from '../fulfilment/fulfil'
import { getStorefrontOptions } from '../options'
import { retrieveCheckoutSession } from '../stripe/checkoutSessions'

const CHECKOUT_SESSION_ID = /^cs_[A-Za-z0-9_]+$/

/**
 * The success page's half of the money path: asks Stripe for the session in the return URL and
 * fulfils it, so a paid purchase shows before the webhook arrives. Only for the signed-in shopper
 * the session belongs to; anyone else's (or an unfinished) session yields null and changes nothing.
 */
export async function fulfilReturningShopper(args: {
  payload: Payload
  sessionId: string
  userId: number | string
}): Promise<PurchaseDoc | null> {
  const { payload, sessionId, userId } = args
  const options = getStorefrontOptions(payload)
  const { secretKey } = options.stripe
  if (!secretKey || !CHECKOUT_SESSION_ID.test(sessionId)) return null
  const session = await retrieveCheckoutSession({ ...options.stripe, secretKey }, sessionId)
  if (session.metadata?.userId !== String(userId) || session.status !== 'complete') return null
  const { purchase } = await fulfil({ payload, session, usersSlug: options.usersSlug })
  return purchase
}
