import type { Payload } from 'payload'

import type { EventOutcome } from '../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../types'

import { StorefrontError } from '../errors'
import { isMissingStripeObject } from '../stripe/checkoutSessions'
import { getStripeClient } from '../stripe/client'
import { processStripeEvent } from './processStripeEvent'

/**
 * Handles a ledger event again, as it is in Stripe now: the event is fetched from Stripe
 * (`events.retrieve`), never taken from what the shop stored, and goes through the webhook's own
 * path, so its outcome replaces the entry's `failed` or `rejected` in the same transaction as its
 * effect. Used by the reconciliation sweep (failed events) and by staff (replay).
 * @throws StorefrontError 410 when Stripe no longer has the event (it keeps them 30 days), 502
 *   when Stripe cannot be reached, or what processing the event throws (400 refused, 500 failed)
 */
export async function reprocessStripeEvent({
  payload,
  options,
  eventId,
}: {
  payload: Payload
  options: ResolvedStorefrontOptions
  eventId: string
}): Promise<{ duplicate: boolean; outcome: EventOutcome }> {
  const { secretKey } = options.stripe
  if (!secretKey)
    throw new StorefrontError(
      'No Stripe key is configured (STRIPE_SECRET_KEY), so the event cannot be fetched from Stripe.',
      502,
    )
  let event: unknown
  try {
    event = await getStripeClient({ ...options.stripe, secretKey }).events.retrieve(eventId)
  } catch (error) {
    if (isMissingStripeObject(error))
      throw new StorefrontError(
        `Stripe no longer has event ${eventId} (it keeps events for 30 days), so it cannot be applied again.`,
        410,
      )
    payload.logger.error({ err: error, eventId }, 'Could not fetch a Stripe event to reprocess it.')
    throw new StorefrontError(
      'Stripe could not be reached, so the event was not fetched. Try again in a moment.',
      502,
    )
  }
  return processStripeEvent({ payload, options, event })
}
