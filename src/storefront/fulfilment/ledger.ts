import type { CollectionSlug, Payload } from 'payload'
import type Stripe from 'stripe'

import type { EventOutcome } from './types'

import { STRIPE_EVENTS_SLUG } from '../constants'
import { isUniqueViolation } from '../errors'

export type LedgerEntry = { id: number | string; outcome: EventOutcome; duplicate: boolean }

/**
 * Writes the event to the ledger once (UNIQUE event id). A later delivery of the same event
 * gets the existing entry back with `duplicate: true`.
 */
export async function recordStripeEvent(payload: Payload, event: Stripe.Event) {
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
    return { id: entry.id, outcome: 'received', duplicate: false } satisfies LedgerEntry
  } catch (error) {
    if (!isUniqueViolation(error, 'eventId')) throw error
    const { docs } = await payload.find({
      collection: STRIPE_EVENTS_SLUG as CollectionSlug,
      where: { eventId: { equals: event.id } },
      limit: 1,
      depth: 0,
    })
    if (!docs[0]) throw error
    const outcome = (docs[0] as { outcome?: EventOutcome }).outcome ?? 'received'
    return { id: docs[0].id, outcome, duplicate: true } satisfies LedgerEntry
  }
}

/** Records what an event did (or why it was refused) for support to read. */
export async function updateLedgerEntry(
  payload: Payload,
  entry: {
    id: number | string
    outcome: Exclude<EventOutcome, 'received'>
    note: string
    purchase?: number | string
  },
): Promise<void> {
  const { id, ...data } = entry
  // `as never`: the plugin is compiled without the host app's generated collection types.
  await payload.update({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id,
    data: data as never,
    depth: 0,
    overrideAccess: true,
  })
}
