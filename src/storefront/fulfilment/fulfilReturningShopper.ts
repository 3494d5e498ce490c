import type { Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'
import type { PurchaseDoc } from './PurchaseDoc'

import { retrieveCheckoutSession } from '../stripe/retrieveCheckoutSession'
import { fulfil } from './fulfil'

/**
 * The success page's half of the money path: asks Stripe for the session in the return URL and
 * fulfils it, so a paid purchase shows before the webhook arrives. Only for the signed-in shopper
 * the session belongs to; anyone else's (or an unfinished) session yields null and changes nothing.
 */
export async function fulfilReturningShopper(
  payload: Payload,
  options: ResolvedStorefrontOptions,
  sessionId: string,
  userId: number | string,
): Promise<PurchaseDoc | null> {
  const { secretKey } = options.stripe
  if (!secretKey || !/^cs_[A-Za-z0-9_]+$/.test(sessionId)) return null
  const session = await retrieveCheckoutSession({ ...options.stripe, secretKey }, sessionId)
  if (session.metadata?.userId !== String(userId) || session.status !== 'complete') return null
  const { purchase } = await fulfil(payload, session, { usersSlug: options.usersSlug })
  return purchase
}
