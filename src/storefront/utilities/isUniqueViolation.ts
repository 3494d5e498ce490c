import { ValidationError } from 'payload'

/**
 * True when an insert lost a race on a UNIQUE column. Payload's Postgres adapter reports the
 * violation as a ValidationError on that field; a raw driver error carries SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (error instanceof ValidationError) return error.data.errors.some((entry) => entry.path === field)
  const cause = (error as { code?: string; cause?: { code?: string } } | null) ?? {}
  return cause.code === '23505' || cause.cause?.code === '23505'
}
