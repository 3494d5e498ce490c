/**
 * JSON with object keys sorted at every depth, so two payloads that differ only in key order
 * compare equal. Used to decide "same payload" for an idempotency key. Resend does not document
 * how it compares payloads; comparing parsed JSON this way is our approximation, and it can
 * only be more lenient than a byte-for-byte comparison, never stricter.
 */
export function canonicalJson(value: unknown): string {
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
