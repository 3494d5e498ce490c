import { StorefrontError } from '../errors'
import { usableEventObject } from '../fulfilment/handleStripeEvent'
import {
  recordAndQueueStripeEvent,
  recordStripeEvent,
  updateLedgerEntry,
} from '../fulfilment/ledger'
import { type ProcessStripeEventArgs, readVerifiedEvent } from './processStripeEvent'

/**
 * What the webhook does with a verified event: refuses one the shop can never use, otherwise
 * records it and queues the job that applies it, in one database statement. Stripe hears back
 * after one round trip, and the event is never lost: it is answered 2xx only once stored, and the
 * job (retried with backoff, then the reconciliation sweep) applies it, asking Stripe itself.
 * A duplicate of an event that is waiting, applied or ignored changes nothing.
 * @returns `duplicate: true` when this delivery changed nothing because an earlier one did it
 * @throws StorefrontError 400 when the event can never be applied (recorded `rejected` when it has
 *   a usable id); 503 when it could not be recorded (Stripe retries)
 */
export async function acceptStripeEvent(
  args: ProcessStripeEventArgs,
): Promise<{ duplicate: boolean }> {
  const { payload } = args
  const { event } = readVerifiedEvent(args)
  let object: Record<string, unknown>
  try {
    object = usableEventObject(event)
  } catch (refusal) {
    // Kept in the ledger so support sees what Stripe sent and why the shop refused it.
    await recordStripeEvent(payload, event)
      .then((entry) =>
        updateLedgerEntry({
          payload,
          id: entry.id,
          result: { outcome: 'rejected', note: (refusal as Error).message },
        }),
      )
      .catch(() => {})
    throw refusal
  }
  try {
    const { id, type, created, livemode } = event
    const { queued } = await recordAndQueueStripeEvent(payload, {
      id,
      type,
      created,
      livemode,
      data: { object },
    })
    return { duplicate: !queued }
  } catch (error) {
    payload.logger.error(
      { err: error, eventId: event.id },
      'Could not record a Stripe event; answering 503 so Stripe retries.',
    )
    throw new StorefrontError('The event could not be recorded; Stripe will retry.', 503)
  }
}
