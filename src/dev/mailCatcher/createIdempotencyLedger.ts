/** Resend keeps idempotency keys for 24 hours (docs: "Idempotency Keys"). */
const WINDOW_MS = 24 * 60 * 60 * 1000

type Entry = { fingerprint: string; emailId: string; storedAt: number }

/**
 * JSON with object keys sorted at every depth, so two payloads that differ only in key order
 * compare equal. Used to decide "same payload" for an idempotency key. Resend does not document
 * how it compares payloads; comparing parsed JSON this way is our approximation, and it can
 * only be more lenient than a byte-for-byte comparison, never stricter.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  )
}

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
    check(key: string, payload: unknown): IdempotencyCheck {
      const entry = entries.get(key)
      if (!entry) return { outcome: 'new' }
      if (now().getTime() - entry.storedAt >= WINDOW_MS) {
        entries.delete(key)
        return { outcome: 'new' }
      }
      return entry.fingerprint === canonicalJson(payload)
        ? { outcome: 'replay', emailId: entry.emailId }
        : { outcome: 'conflict' }
    },
    remember(key: string, { payload, emailId }: { payload: unknown; emailId: string }): void {
      entries.set(key, { fingerprint: canonicalJson(payload), emailId, storedAt: now().getTime() })
    },
    clear(): void {
      entries.clear()
    },
  }
}
