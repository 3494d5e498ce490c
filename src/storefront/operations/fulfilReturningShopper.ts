import type { Payload } from 'payload'

import type { PurchaseDoc } from '../fulfilment/types'

import { fulfil } from '../fulfilment/fulfil'
import { CHECKOUT_SESSION_ID } from '../fulfilment/stripeEventSchemas'
import { getStorefrontOptions } from '../options'

/**
 * The success page's half of the money path: fulfils the session in the return URL, as Stripe
 * has it (fulfil asks Stripe), so a paid purchase shows before the webhook arrives. Only for the
 * signed-in shopper the session belongs to; anyone else's, an unknown or an unfinished session
 * yields null and changes nothing.
 * @throws when Stripe or the database failed (the page shows the purchase once the webhook lands)
 */
export async function fulfilReturningShopper(args: {
  payload: Payload
  sessionId: string
  userId: number | string
}): Promise<PurchaseDoc | null> {
  const { payload, sessionId, userId } = args
  const options = getStorefrontOptions(payload)
  const { secretKey } = options.stripe
  if (!secretKey || !CHECKOUT_SESSION_ID.safeParse(sessionId).success) return null
  const result = await fulfil({
    payload,
    stripe: { ...options.stripe, secretKey },
    sessionId,
    usersSlug: options.usersSlug,
    shopperId: userId,
  })
  return result.kind === 'fulfilled' ? result.purchase : null
}
