import type { MailCatcherOptions } from './types'

import { createFailureSwitch } from './createFailureSwitch'
import { createIdempotencyLedger } from './createIdempotencyLedger'
import { createMailbox } from './createMailbox'
import { type SenderPolicy, verifiedDomainsFromEnv } from './senderPolicy'

/** Everything the request handlers share; one per catcher. */
export type CatcherState = ReturnType<typeof createCatcherState>

/** Options resolved once: the clock, the log, Resend's sender rules for this pretend account. */
export function createCatcherState(options: MailCatcherOptions) {
  const now = options.now ?? (() => new Date())
  return {
    mailbox: createMailbox(),
    ledger: createIdempotencyLedger(now),
    failures: createFailureSwitch(),
    now,
    log: options.log ?? (() => {}),
    senders: {
      verifiedDomains: options.verifiedDomains ??
        verifiedDomainsFromEnv(process.env) ?? ['example.com'],
      accountEmail: options.accountEmail ?? 'owner@example.com',
    } satisfies SenderPolicy,
    transcript: options.transcript ?? null,
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
