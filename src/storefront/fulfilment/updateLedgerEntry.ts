import type { CollectionSlug, Payload } from 'payload'

import { STRIPE_EVENTS_SLUG } from '../utilities/STRIPE_EVENTS_SLUG'

/** Records what an event did (or why it was refused) for support to read. */
export async function updateLedgerEntry(
  payload: Payload,
  id: number | string,
  data: {
    outcome: 'failed' | 'ignored' | 'processed' | 'rejected'
    note: string
    purchase?: number | string
  },
): Promise<void> {
  // `as never`: the plugin is compiled without the host app's generated collection types.
  await payload.update({
    collection: STRIPE_EVENTS_SLUG as CollectionSlug,
    id,
    data: data as never,
    depth: 0,
    overrideAccess: true,
  })
}
