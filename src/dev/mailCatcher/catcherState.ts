import type { MailCatcherOptions } from './types'

import { createFailureSwitch } from './createFailureSwitch'
import { createIdempotencyLedger } from './createIdempotencyLedger'
import { createMailbox } from './createMailbox'

/** Everything the request handlers share; one per catcher. */
export type CatcherState = ReturnType<typeof createCatcherState>

export function createCatcherState(options: MailCatcherOptions) {
  const now = options.now ?? (() => new Date())
  return {
    mailbox: createMailbox(),
    ledger: createIdempotencyLedger(now),
    failures: createFailureSwitch(),
    now,
    log: options.log ?? (() => {}),
  }
}

/**
 * Forgets mail, idempotency keys and pending failures. Keys go too: after a clear, a test that
 * reuses a key must get a new email, not the id of one it can no longer see.
 */
export function clearState(state: CatcherState): void {
  state.mailbox.clear()
  state.ledger.clear()
  state.failures.reset()
}
