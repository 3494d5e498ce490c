import type { ResendErrorBody } from './types'

/**
 * Builds the error body Resend sends: `{ statusCode, name, message }`. The SDK parses it and
 * returns it as `{ data: null, error }` as is, so `statusCode` must be in the body, not only
 * in the HTTP status line.
 */
export function resendError(statusCode: number, name: string, message: string): ResendErrorBody {
  return { statusCode, name, message }
}
