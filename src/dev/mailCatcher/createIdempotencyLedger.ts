/** Resend keeps idempotency keys for 24 hours (docs: "Idempotency Keys"). */
const WINDOW_MS = 24 * 60 * 60 * 1000

type Entry = { fingerprint: string; emailId: string; storedAt: number }

export type IdempotencyCheck =
  { outcome: 'new' } | { outcome: 'replay'; emailId: string } | { outcome: 'conflict' }

/**
 * Remembers which email each idempotency key produced. Only successful sends are remembered:
 * Resend checks "if an email with the same idempotency key has already been sent", so a key
 * whose request failed (validation, injected outage) stays free for the retry.
 *
 * Approximations, stated plainly: keys are global to the catcher (Resend scopes them to the
 * team); and `check` followed by `remember` runs without awaiting in between, so a request is
 * never "in progress" here and Resend's 409 `concurrent_idempotent_requests` never occurs:
 * concurrent duplicates all get the first one's id, which is what a client retrying after
 * that 409 would end up with anyway.
 */
export function createIdempotencyLedger(now: () => Date) {
  const entries = new Map<string, Entry>()

  return {
    check(key: string, fingerprint: string): IdempotencyCheck {
      const entry = entries.get(key)
      if (!entry) return { outcome: 'new' }
      if (now().getTime() - entry.storedAt >= WINDOW_MS) {
        entries.delete(key)
        return { outcome: 'new' }
      }
      return entry.fingerprint === fingerprint
        ? { outcome: 'replay', emailId: entry.emailId }
        : { outcome: 'conflict' }
    },
    remember(key: string, fingerprint: string, emailId: string): void {
      entries.set(key, { fingerprint, emailId, storedAt: now().getTime() })
    },
    clear(): void {
      entries.clear()
    },
  }
}
