import type { EmulatorContext } from './EmulatorContext'
import type { StripeApiError } from './StripeApiError'

/** What the emulator answers one `/v1/…` request with, and how it came about. */
export type Outcome = {
  status: number
  body: unknown
  headers?: Record<string, string>
  replayed?: boolean
  injected?: boolean
}

/** A refusal as Stripe words it; a 401 also says how to authenticate. */
export function errorOutcome(error: StripeApiError): Outcome {
  return {
    status: error.statusCode,
    body: { error: error.body },
    headers: error.statusCode === 401 ? { 'WWW-Authenticate': 'Bearer realm="Stripe"' } : {},
  }
}

/** Internal failures become Stripe's api_error; Should-Retry false, or the SDK retries an emulator bug twice. */
export function internalErrorOutcome(
  context: EmulatorContext,
  { error, where }: { error: unknown; where: string },
): Outcome {
  context.options.log(
    `internal error on ${where}: ${error instanceof Error ? error.stack : String(error)}`,
  )
  const message = `The Stripe emulator failed: ${error instanceof Error ? error.message : String(error)}`
  return {
    status: 500,
    body: { error: { type: 'api_error', message } },
    headers: { 'Stripe-Should-Retry': 'false' },
  }
}
