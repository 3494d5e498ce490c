import type { Payload, PayloadRequest } from 'payload'

import type { StripeEventEnvelope } from '../fulfilment/stripeEventSchemas'
import type { EventOutcome, EventResult } from '../fulfilment/types'
import type { StripeKeys } from '../stripe/client'
import type { ResolvedStorefrontOptions } from '../types'

import { isRefusal, StorefrontError } from '../errors'
import { recordOnly } from '../fulfilment/eventContext'
import { handleStripeEvent } from '../fulfilment/handleStripeEvent'
import {
  readLedgerOutcome,
  recordStripeEvent,
  shortReason,
  updateLedgerEntry,
} from '../fulfilment/ledger'
import { describeIssue, stripeEventEnvelope } from '../fulfilment/stripeEventSchemas'

export type ProcessStripeEventArgs = {
  payload: Payload
  options: ResolvedStorefrontOptions
  /** A parsed event whose signature the caller has verified; its fields are checked here. */
  event: unknown
}

/** A repeat of an event in one of these states changes nothing and is only acknowledged. */
export const FINISHED: readonly EventOutcome[] = ['processed', 'ignored', 'deferred']

/**
 * The event's id, type and date, checked; the shop's Stripe keys, present.
 * @throws StorefrontError 400 when the body is not a Stripe event; 503 without a secret key
 */
export function readVerifiedEvent({ payload, options, event }: ProcessStripeEventArgs): {
  event: StripeEventEnvelope
  stripe: StripeKeys & { secretKey: string }
} {
  const envelope = stripeEventEnvelope.safeParse(event)
  if (!envelope.success) {
    // Without a well-formed id, type and date there is nothing to key a ledger entry on.
    throw new StorefrontError(
      `The body is not a Stripe event the shop can read: ${describeIssue(envelope.error)}.`,
      400,
    )
  }
  const { secretKey } = options.stripe
  if (!secretKey) {
    payload.logger.error('Stripe event received but STRIPE_SECRET_KEY is not set.')
    throw new StorefrontError(
      'The shop cannot ask Stripe about events yet; Stripe will retry.',
      503,
    )
  }
  return { event: envelope.data, stripe: { ...options.stripe, secretKey } }
}

/**
 * Applies a recorded event and stores its outcome on its ledger entry in the same transaction as
 * its effect, so the ledger never says `processed` for a change that was not stored.
 * @throws StorefrontError 400 when the event can never be applied (recorded `rejected`); 500 when
 *   it could not be applied this time (recorded `failed`; applying it again later can succeed)
 */
export async function applyRecordedEvent({
  payload,
  options,
  stripe,
  entryId,
  event,
}: {
  payload: Payload
  options: ResolvedStorefrontOptions
  stripe: StripeKeys & { secretKey: string }
  entryId: number | string
  event: StripeEventEnvelope
}): Promise<EventOutcome> {
  try {
    const record = (req: PayloadRequest, result: EventResult) =>
      updateLedgerEntry({ payload, id: entryId, result, req })
    const result = await handleStripeEvent(event, {
      payload,
      stripe,
      usersSlug: options.usersSlug,
      record,
      recordOnly: (outcome) => recordOnly({ payload, record }, outcome),
      options,
    })
    return result.outcome
  } catch (error) {
    if (isRefusal(error)) {
      await updateLedgerEntry({
        payload,
        id: entryId,
        result: { outcome: 'rejected', note: error.message },
      }).catch(() => {})
      throw error
    }
    payload.logger.error(
      { err: error, eventId: event.id },
      'Applying a Stripe event failed; nothing of it was stored. It will be applied again.',
    )
    await updateLedgerEntry({
      payload,
      id: entryId,
      result: { outcome: 'failed', note: shortReason(error) },
    }).catch(() => {})
    throw new StorefrontError(
      'The event could not be applied now; it is recorded as failed and will be applied again.',
      500,
    )
  }
}

/**
 * Records a verified Stripe event once and applies it now. Used where the caller waits for the
 * outcome: staff replaying an event and the reconciliation sweep (the webhook records and queues,
 * see acceptStripeEvent). A duplicate of a finished event does nothing.
 * @returns `duplicate: true` when this call changed nothing because an earlier one did it
 * @throws StorefrontError 400 when the event can never be applied (recorded `rejected` when it
 *   has a usable id); 5xx when it could not be recorded or applied this time (recorded `failed`
 *   where possible)
 */
export async function processStripeEvent(
  args: ProcessStripeEventArgs,
): Promise<{ duplicate: boolean; outcome: EventOutcome }> {
  const { payload, options } = args
  const { event, stripe } = readVerifiedEvent(args)

  let entry
  try {
    entry = await recordStripeEvent(payload, event)
  } catch (error) {
    payload.logger.error({ err: error, eventId: event.id }, 'Could not record a Stripe event.')
    throw new StorefrontError('The event could not be recorded; try again in a moment.', 503)
  }
  if (entry.duplicate && FINISHED.includes(entry.outcome)) {
    return { duplicate: true, outcome: entry.outcome }
  }
  const outcome = await applyRecordedEvent({ payload, options, stripe, entryId: entry.id, event })
  return { duplicate: false, outcome }
}

/**
 * The job's half of the webhook: applies an event the webhook recorded and queued. An event
 * already finished (applied by an earlier attempt, a replay or the sweep) is left alone.
 * @returns the outcome stored; `rejected` when the event can never be applied (not retried)
 * @throws when it could not be applied this time (recorded `failed`): the job is retried
 */
export async function applyQueuedStripeEvent(
  args: ProcessStripeEventArgs & { ledgerId: number | string },
): Promise<EventOutcome> {
  const { payload, options, ledgerId } = args
  const { event, stripe } = readVerifiedEvent(args)
  const stored = await readLedgerOutcome(payload, ledgerId)
  if (stored === null) {
    payload.logger.warn(
      { ledgerId, eventId: event.id },
      'A queued Stripe event has no ledger entry.',
    )
    return 'ignored'
  }
  if (FINISHED.includes(stored)) return stored
  try {
    return await applyRecordedEvent({ payload, options, stripe, entryId: ledgerId, event })
  } catch (error) {
    if (isRefusal(error)) return 'rejected'
    throw error
  }
}
