import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { StripeEventEnvelope } from './stripeEventSchemas'
import type { EventOutcome, EventResult } from './types'

import { STRIPE_EVENTS_SLUG } from '../constants'
import { isStorefrontError, isUniqueViolation } from '../errors'

export type LedgerEntry = { id: number | string; outcome: EventOutcome; duplicate: boolean }

/**
 * Writes the event to the ledger once (UNIQUE event id). A later delivery of the same event
 * gets the existing entry back with `duplicate: true`.
 */
export async function recordStripeEvent(
  payload: Payload,
  event: StripeEventEnvelope,
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
    const outcome = (docs[0] as { outcome?: EventOutcome }).outcome ?? 'received'
    return { id: docs[0].id, outcome, duplicate: true }
  }
}

/**
 * Records what an event did (or why it was refused) for support to read. With `req` it joins that
 * transaction, so the outcome is stored exactly when the effect is.
 */
export async function updateLedgerEntry({
  payload,
  id,
  result,
  req,
}: {
  payload: Payload
  id: number | string
  result: Omit<EventResult, 'outcome'> & { outcome: Exclude<EventOutcome, 'received'> }
  req?: PayloadRequest
}): Promise<void> {
  const { outcome, note, purchaseId, paymentIntentId } = result
  // `as never`: the plugin is compiled without the host app's generated collection types.
  await payload.update({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id,
    data: {
      outcome,
      note: note.slice(0, 500),
      ...(purchaseId !== undefined ? { purchase: purchaseId } : {}),
      ...(paymentIntentId !== undefined ? { paymentIntentId } : {}),
    } as never,
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
}

/** Ledger entries waiting for the purchase of this payment intent, oldest event first. */
export async function findDeferredEvents(
  req: PayloadRequest,
  paymentIntentId: string,
): Promise<Array<{ id: number | string; type: string }>> {
  const { docs } = await req.payload.find({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    where: {
      and: [{ paymentIntentId: { equals: paymentIntentId } }, { outcome: { equals: 'deferred' } }],
    },
    sort: ['stripeCreatedAt', 'id'],
    pagination: false,
    depth: 0,
    req,
  })
  return docs as unknown as Array<{ id: number | string; type: string }>
}

/**
 * A short reason for the ledger, which support reads in the admin: the plugin's own sentences as
 * they are, anything else by kind only. A database error's message holds the SQL and its
 * parameters (emails, ids); that belongs in the server log, which gets the whole error.
 */
export function shortReason(error: unknown): string {
  if (isStorefrontError(error)) return error.message
  const candidate = (error ?? {}) as {
    name?: unknown
    code?: unknown
    type?: unknown
    cause?: { code?: unknown }
  }
  const sqlState = [candidate.code, candidate.cause?.code].find(
    (code) => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code),
  )
  if (sqlState) return `database error (SQLSTATE ${sqlState}); details in the server log`
  if (typeof candidate.type === 'string' && candidate.type.startsWith('Stripe')) {
    return `Stripe could not be asked (${candidate.type}); details in the server log`
  }
  const name = typeof candidate.name === 'string' ? candidate.name : 'Error'
  return `unexpected ${name.slice(0, 60)}; details in the server log`
}
