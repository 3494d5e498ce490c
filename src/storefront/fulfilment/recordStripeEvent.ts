import type { CollectionSlug, Payload } from 'payload'
import type Stripe from 'stripe'

import { STRIPE_EVENTS_SLUG } from '../utilities/STRIPE_EVENTS_SLUG'
import { isUniqueViolation } from '../utilities/isUniqueViolation'

export type LedgerEntry = { id: number | string; outcome: string; duplicate: boolean }

/**
 * Writes the event to the ledger once (UNIQUE event id). A later delivery of the same event
 * gets the existing entry back with `duplicate: true`.
 */
export async function recordStripeEvent(
  payload: Payload,
  event: Stripe.Event,
): Promise<LedgerEntry> {
  try {
    const entry = await payload.create({
      collection: STRIPE_EVENTS_SLUG as CollectionSlug,
      data: {
        eventId: event.id,
        type: event.type,
        stripeCreatedAt: new Date(event.created * 1000).toISOString(),
        livemode: event.livemode,
        outcome: 'received',
      },
      depth: 0,
      overrideAccess: true,
    })
    return { id: entry.id, outcome: 'received', duplicate: false }
  } catch (error) {
    if (!isUniqueViolation(error, 'eventId')) throw error
    const { docs } = await payload.find({
      collection: STRIPE_EVENTS_SLUG as CollectionSlug,
      where: { eventId: { equals: event.id } },
      limit: 1,
      depth: 0,
    })
    if (!docs[0]) throw error
    return {
      id: docs[0].id,
      outcome: String((docs[0] as { outcome?: string }).outcome),
      duplicate: true,
    }
  }
}
