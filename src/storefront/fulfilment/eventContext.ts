import type { Payload, PayloadRequest } from 'payload'

import type { StripeKeys } from '../stripe/client'
import type { ResolvedStorefrontOptions } from '../types'
import type { EventResult } from './types'

import { inDurableTransaction } from '../database/transactions'

export type EventContext = {
  payload: Payload
  stripe: StripeKeys
  usersSlug: string
  /** Stores the event's outcome; called inside the transaction that stores its effect. */
  record: (req: PayloadRequest, result: EventResult) => Promise<void>
  /** Stores an outcome that changes nothing, through the same checked path. */
  recordOnly: (result: EventResult) => Promise<EventResult>
  /** The plugin's options (early fraud warning refunds, dispute evidence, the store's name). */
  options: ResolvedStorefrontOptions
}

/** Outcomes that change nothing are still stored through the same path, so they are checked too. */
export async function recordOnly(
  context: Pick<EventContext, 'payload' | 'record'>,
  result: EventResult,
): Promise<EventResult> {
  await inDurableTransaction(context.payload, (req) => context.record(req, result))
  return result
}
