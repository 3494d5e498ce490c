import type { CollectionSlug, PayloadRequest } from 'payload'

import type { EventOutcome } from '../../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../../types'

import { STRIPE_EVENTS_SLUG } from '../../constants'
import { isStorefrontError, StorefrontError } from '../../errors'
import { reprocessStripeEvent } from '../reprocessStripeEvent'

/** Only these can be applied again: the others already did what they will ever do. */
const REPLAYABLE: readonly EventOutcome[] = ['failed', 'rejected']

type LedgerEntry = {
  id: number | string
  eventId: string
  outcome: EventOutcome
  note?: null | string
  replays?: Array<Record<string, unknown>> | null
}

const readEntry = async (req: PayloadRequest, id: number | string) =>
  (await req.payload.findByID({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as LedgerEntry | null

/**
 * Staff replay a `failed` or `rejected` ledger event: fetched again from Stripe (`events.retrieve`)
 * and handled by the webhook's own path, so a fix (a product published again, a database back)
 * takes effect without waiting for Stripe. Each replay is recorded on the entry: who, when, why,
 * and what came of it. A replay that is refused or fails again is still a replay: 200 with the
 * outcome.
 * @throws StorefrontError 404 no such entry, 409 not failed or rejected, 410 Stripe no longer has
 *   the event, 502 Stripe unreachable
 */
export async function replayStripeEvent(args: {
  req: PayloadRequest
  options: ResolvedStorefrontOptions
  staff: { id: number | string; email?: string }
  reason: string
  ledgerId: number | string
}): Promise<LedgerEntry> {
  const { req, options } = args
  const entry = await readEntry(req, args.ledgerId)
  if (!entry)
    throw new StorefrontError(`There is no Stripe event ${args.ledgerId} in the ledger.`, 404)
  if (!REPLAYABLE.includes(entry.outcome))
    throw new StorefrontError(
      `This event is ${entry.outcome}, so there is nothing to replay; only a failed or rejected event can be applied again.`,
      409,
    )
  const previous = entry.outcome
  try {
    await reprocessStripeEvent({ payload: req.payload, options, eventId: entry.eventId })
  } catch (error) {
    // Refused again (400) or failed again (500): recorded on the entry, reported as the outcome.
    if (!isStorefrontError(error) || (error.status !== 400 && error.status !== 500)) throw error
  }
  const after = (await readEntry(req, entry.id)) ?? entry
  const replays = (after.replays ?? []).map((row) => ({
    ...row,
    by: typeof row.by === 'object' && row.by ? (row.by as { id: number | string }).id : row.by,
  }))
  return (await req.payload.update({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id: entry.id,
    data: {
      replays: [
        ...replays,
        {
          by: args.staff.id,
          byEmail: args.staff.email ?? null,
          at: new Date().toISOString(),
          reason: args.reason,
          result: `${previous} → ${after.outcome}${after.note ? `: ${after.note}` : ''}`.slice(
            0,
            500,
          ),
        },
      ],
    } as never,
    depth: 0,
    overrideAccess: true,
  })) as unknown as LedgerEntry
}
