/** Resend's error body. The SDK hands this object back unchanged as `{ error }`. */
export type ResendErrorBody = {
  statusCode: number
  name: string
  message: string
}

/**
 * Builds the error body Resend sends: `{ statusCode, name, message }`. The SDK parses it and
 * returns it as `{ data: null, error }` as is, so `statusCode` must be in the body, not only
 * in the HTTP status line.
 */
export function resendError({ statusCode, name, message }: ResendErrorBody): ResendErrorBody {
  return { statusCode, name, message }
}
