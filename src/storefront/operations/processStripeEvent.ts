import type { Payload, PayloadRequest } from 'payload'

import type { EventOutcome, EventResult } from '../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../types'

import { isRefusal, StorefrontError } from '../errors'
import { recordOnly } from '../fulfilment/eventContext'
import { handleStripeEvent } from '../fulfilment/handleStripeEvent'
import { recordStripeEvent, shortReason, updateLedgerEntry } from '../fulfilment/ledger'
import { describeIssue, stripeEventEnvelope } from '../fulfilment/stripeEventSchemas'

export type ProcessStripeEventArgs = {
  payload: Payload
  options: ResolvedStorefrontOptions
  /** A parsed event whose signature the caller has verified; its fields are checked here. */
  event: unknown
}

/** A repeat of an event in one of these states changes nothing and is only acknowledged. */
const FINISHED: readonly EventOutcome[] = ['processed', 'ignored', 'deferred']

/**
 * Records a verified Stripe event once, applies it, and stores its outcome in the same
 * transaction as its effect, so the ledger never says `processed` for a change that was not
 * stored. A duplicate of a finished event does nothing.
 * @returns `duplicate: true` when this delivery changed nothing because an earlier one did it
 * @throws StorefrontError 400 when the event can never be applied (recorded `rejected` when it
 *   has a usable id); 5xx when it could not be recorded or applied this time (recorded `failed`
 *   where possible; Stripe retries and the next delivery applies it)
 */
export async function processStripeEvent(
  args: ProcessStripeEventArgs,
): Promise<{ duplicate: boolean; outcome: EventOutcome }> {
  const { payload, options } = args
  const envelope = stripeEventEnvelope.safeParse(args.event)
  if (!envelope.success) {
    // Without a well-formed id, type and date there is nothing to key a ledger entry on.
    throw new StorefrontError(
      `The body is not a Stripe event the shop can read: ${describeIssue(envelope.error)}.`,
      400,
    )
  }
  const event = envelope.data
  const { secretKey } = options.stripe
  if (!secretKey) {
    payload.logger.error('Stripe event received but STRIPE_SECRET_KEY is not set.')
    throw new StorefrontError(
      'The shop cannot ask Stripe about events yet; Stripe will retry.',
      503,
    )
  }

  let entry
  try {
    entry = await recordStripeEvent(payload, event)
  } catch (error) {
    payload.logger.error(
      { err: error, eventId: event.id },
      'Could not record a Stripe event; answering 503 so Stripe retries.',
    )
    throw new StorefrontError('The event could not be recorded; Stripe will retry.', 503)
  }
  if (entry.duplicate && FINISHED.includes(entry.outcome)) {
    return { duplicate: true, outcome: entry.outcome }
  }

  try {
    const record = (req: PayloadRequest, result: EventResult) =>
      updateLedgerEntry({ payload, id: entry.id, result, req })
    const result = await handleStripeEvent(event, {
      payload,
      stripe: { ...options.stripe, secretKey },
      usersSlug: options.usersSlug,
      record,
      recordOnly: (outcome) => recordOnly({ payload, record }, outcome),
      options,
    })
    return { duplicate: false, outcome: result.outcome }
  } catch (error) {
    if (isRefusal(error)) {
      await updateLedgerEntry({
        payload,
        id: entry.id,
        result: { outcome: 'rejected', note: error.message },
      }).catch(() => {})
      throw error
    }
    payload.logger.error(
      { err: error, eventId: event.id },
      'Processing a Stripe event failed; nothing of it was stored. Answering 500 so Stripe retries.',
    )
    await updateLedgerEntry({
      payload,
      id: entry.id,
      result: { outcome: 'failed', note: shortReason(error) },
    }).catch(() => {})
    throw new StorefrontError('The event could not be processed; Stripe will retry.', 500)
  }
}
