import { type ResendErrorBody, resendError } from './resendError'

/** Resend's documented error name for each status we can be asked to fake. */
const NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'concurrent_idempotent_requests',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
}

function injectedError(status: number): ResendErrorBody {
  const name = NAMES[status] ?? (status >= 500 ? 'internal_server_error' : 'application_error')
  // Say where the failure came from, so nobody hunts for a real outage in the logs.
  return resendError({
    statusCode: status,
    name,
    message: `An unexpected error occurred. (Injected by the mail catcher's fail-next switch.)`,
  })
}

/**
 * Makes the next N sends fail, to exercise retry paths (the receipt job's backoff) in tests
 * and demos. An injected failure stores nothing and records no idempotency key, like a real
 * Resend error: a retry with the same key then sends the email once.
 */
export function createFailureSwitch() {
  let remaining = 0
  let status = 500

  return {
    /** Throws a RangeError for a count or status that cannot mean "fail the next sends". */
    arm(count: number, failStatus = 500): void {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError('count must be a whole number of sends, 0 or more (0 disarms).')
      if (!Number.isInteger(failStatus) || failStatus < 400 || failStatus > 599) {
        throw new RangeError('status must be an HTTP error status between 400 and 599.')
      }
      remaining = count
      status = failStatus
    },
    /** The error for this send if the switch is armed (using up one failure), else null. */
    take(): ResendErrorBody | null {
      if (remaining === 0) return null
      remaining -= 1
      return injectedError(status)
    },
    reset(): void {
      remaining = 0
      status = 500
    },
  }
}
