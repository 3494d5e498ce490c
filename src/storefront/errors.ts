/**
 * The one error type the plugin throws for anything a caller should hear about: it carries the
 * HTTP status and a sentence a person can act on (like Payload's `APIError`), plus extra JSON
 * fields for the response (`loginUrl`). Endpoints turn it into `{ error, ...data }` in one place.
 */
export class StorefrontError extends Error {
  readonly status: number
  readonly data: Record<string, unknown>

  constructor(message: string, status: number, data: Record<string, unknown> = {}) {
    super(message)
    this.name = 'StorefrontError'
    this.status = status
    this.data = data
  }
}

/**
 * Recognises a StorefrontError by shape, not `instanceof`: a Next.js production bundle can hold
 * two copies of a module, and with them two copies of the class.
 */
export function isStorefrontError(error: unknown): error is StorefrontError {
  const candidate = error as null | { name?: unknown; status?: unknown; message?: unknown }
  return (
    candidate?.name === 'StorefrontError' &&
    typeof candidate.status === 'number' &&
    typeof candidate.message === 'string'
  )
}

/**
 * A refusal: the caller's input is wrong and sending it again cannot help (a StorefrontError under
 * 500). Anything else that fails (the database, Stripe, a bug) may succeed next time.
 */
export function isRefusal(error: unknown): error is StorefrontError {
  return isStorefrontError(error) && error.status < 500
}

/**
 * True when an insert lost a race on a UNIQUE column. Payload's Postgres adapter reports the
 * violation as a ValidationError on that field; a raw driver error carries SQLSTATE 23505.
 * Checked by shape, not `instanceof`, for the same reason as above.
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
