/**
 * True when an insert lost a race on a UNIQUE column. Payload's Postgres adapter reports the
 * violation as a ValidationError on that field; a raw driver error carries SQLSTATE 23505.
 * Checked by shape, not `instanceof`: Next's server bundles can hold more than one copy of
 * Payload's error classes (a production build failed the instanceof check).
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  const candidate = (error ?? {}) as {
    code?: string
    cause?: { code?: string }
    data?: { errors?: Array<{ path?: string }> }
  }
  if (candidate.data?.errors?.some((entry) => entry.path === field)) return true
  return candidate.code === '23505' || candidate.cause?.code === '23505'
}
