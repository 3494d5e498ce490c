import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { isStorefrontError, StorefrontError } from '../errors'
import { handleStripeEvent } from '../fulfilment/handleStripeEvent'
import { recordStripeEvent, updateLedgerEntry } from '../fulfilment/ledger'

export type ProcessStripeEventArgs = {
  payload: Payload
  /** An event whose signature the caller has verified. */
  event: Stripe.Event
  usersSlug: string
}

/**
 * Records a verified Stripe event once, applies it, and writes its outcome to the ledger.
 * A duplicate of an event that was already applied (or ignored) does nothing.
 * @returns `duplicate: true` when this delivery changed nothing because an earlier one did it
 * @throws StorefrontError 400 when the event can never be applied (recorded `rejected`);
 *   500 when it could not be recorded or applied this time (recorded `failed`; Stripe retries)
 */
export async function processStripeEvent(
  args: ProcessStripeEventArgs,
): Promise<{ duplicate: boolean }> {
  const { payload, event, usersSlug } = args
  let entry
  try {
    entry = await recordStripeEvent(payload, event)
  } catch (error) {
    payload.logger.error(
      { err: error, eventId: event.id },
      'Could not record a Stripe event; answering 500 so Stripe retries.',
    )
    throw new StorefrontError('The event could not be recorded; Stripe will retry.', 500)
  }
  if (entry.duplicate && (entry.outcome === 'processed' || entry.outcome === 'ignored')) {
    return { duplicate: true }
  }

  try {
    const result = await handleStripeEvent(event, { payload, usersSlug })
    await updateLedgerEntry(payload, {
      id: entry.id,
      outcome: result.outcome,
      note: result.note,
      purchase: result.purchaseId,
    })
    return { duplicate: false }
  } catch (error) {
    if (isStorefrontError(error) && error.status < 500) {
      await updateLedgerEntry(payload, {
        id: entry.id,
        outcome: 'rejected',
        note: error.message,
      }).catch(() => {})
      throw error
    }
    payload.logger.error(
      { err: error, eventId: event.id },
      'Processing a Stripe event failed; answering 500 so Stripe retries.',
    )
    await updateLedgerEntry(payload, {
      id: entry.id,
      outcome: 'failed',
      note: (error as Error).message,
    }).catch(() => {})
    throw new StorefrontError('The event could not be processed; Stripe will retry.', 500)
  }
}
