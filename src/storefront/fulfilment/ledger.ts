import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { StripeEventEnvelope } from './stripeEventSchemas'
import type { EventOutcome, EventResult } from './types'

import { sql } from '@payloadcms/db-postgres'

import { APPLY_STRIPE_EVENT_TASK, STOREFRONT_QUEUE, STRIPE_EVENTS_SLUG } from '../constants'
import { executeStatement, tableOfCollection } from '../database/transactions'
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

/** A recorded event whose earlier attempt ended here is queued again when Stripe delivers it again. */
const RETRIED_OUTCOMES: readonly EventOutcome[] = ['failed', 'rejected']

/**
 * Writes the event to the ledger and queues the job that applies it, in ONE statement (one round
 * trip, atomic without a transaction): the webhook's whole write. A later delivery of an event
 * that is waiting, applied or ignored changes nothing (`queued: false`); one of an event whose
 * last attempt failed or was refused is queued again. The job row is what Payload's
 * `jobs.queue` writes (input, task, queue); hooks on the jobs collection (`jobs.runHooks`) are
 * not run for it.
 */
export async function recordAndQueueStripeEvent(
  payload: Payload,
  event: StripeEventEnvelope,
): Promise<{ queued: boolean }> {
  const ledger = tableOfCollection(payload, STRIPE_EVENTS_SLUG)
  const jobs = tableOfCollection(payload, 'payload-jobs')
  const column = (table: Record<string, unknown>, key: string) =>
    sql.identifier((table[key] as { name: string }).name)
  const retried = sql.join(
    RETRIED_OUTCOMES.map((outcome) => sql`${outcome}`),
    sql`, `,
  )
  const rows = await executeStatement(
    payload,
    sql`with recorded as (
      insert into ${ledger} (${column(ledger, 'eventId')}, ${column(ledger, 'type')},
        ${column(ledger, 'stripeCreatedAt')}, ${column(ledger, 'livemode')}, ${column(ledger, 'outcome')})
      values (${event.id}, ${event.type}, ${new Date(event.created * 1000).toISOString()},
        ${event.livemode}, 'received')
      on conflict (${column(ledger, 'eventId')}) do update
        set ${column(ledger, 'outcome')} = 'received', ${column(ledger, 'updatedAt')} = now()
        where ${ledger.outcome} in (${retried})
      returning ${column(ledger, 'id')} as id
    )
    insert into ${jobs} (${column(jobs, 'input')}, ${column(jobs, 'taskSlug')}, ${column(jobs, 'queue')})
    select jsonb_build_object('ledgerId', recorded.id, 'event', ${jsonWithoutNul(event)}::jsonb),
      ${APPLY_STRIPE_EVENT_TASK}, ${STOREFRONT_QUEUE}
    from recorded
    returning ${column(jobs, 'id')}`,
  )
  return { queued: rows.length > 0 }
}

/**
 * JSON for a jsonb column, which cannot hold U+0000 (a Stripe string never needs it): each `\u0000`
 * escape is dropped, in keys and values alike. An odd run of backslashes before `u0000` ends in
 * the escape's own backslash; an even run is literal text and stays.
 */
export const jsonWithoutNul = (value: unknown): string =>
  JSON.stringify(value).replace(/(\\+)u0000/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? slashes.slice(1) : match,
  )

/** The ledger entry's outcome as stored now, or null when there is no such entry. */
export async function readLedgerOutcome(
  payload: Payload,
  id: number | string,
): Promise<EventOutcome | null> {
  const entry = await payload.findByID({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id,
    depth: 0,
    disableErrors: true,
    select: { outcome: true },
  })
  return ((entry as { outcome?: EventOutcome } | null)?.outcome ?? null) as EventOutcome | null
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
