import type { CatcherState } from './types'

/**
 * Forgets mail, idempotency keys and pending failures. Keys go too: after a clear, a test that
 * reuses a key must get a new email, not the id of one it can no longer see.
 */
export function clearState(state: CatcherState): void {
  state.mailbox.clear()
  state.ledger.clear()
  state.failures.reset()
}
