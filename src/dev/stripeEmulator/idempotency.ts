import type { EmulatorContext } from './EmulatorContext'

import { type Outcome, errorOutcome } from './apiOutcome'
import { StripeApiError } from './StripeApiError'

/** Stripe: "Idempotency keys are up to 255 characters long." */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: 'idempotency_error', message })
}

/**
 * A key Stripe would not accept, refused before anything runs, so nothing is stored under it.
 * The wording is Stripe's answer to a key outside 1–255 characters, as quoted in
 * cartalyst/stripe#65; the SDK raises it as StripeIdempotencyError.
 */
export function checkIdempotencyKey(key: string | null): void {
  if (key === null) return
  if (key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return
  throw idempotencyError(
    `Idempotent key length is ${key.length}, which is outside accepted lengths. Idempotent Keys must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters long. If you're looking for a decent generator, try using a UUID defined by IETF RFC 4122.`,
  )
}

/**
 * Stripe's idempotency: the first response to a key is saved whatever its status (a 400 the
 * endpoint answered, a 402, a 500) and replayed for as long as the request is the same; a
 * different endpoint or body under the same key is refused. A request refused before the endpoint
 * starts executing (malformed or unknown parameters) saves nothing, so a corrected retry can reuse
 * the key (https://docs.stripe.com/api/idempotent_requests).
 */
export function runIdempotently(
  context: EmulatorContext,
  {
    cacheKey,
    key,
    fingerprint,
    requestId,
    run,
  }: {
    cacheKey: string | null
    key: string
    fingerprint: { method: string; path: string; body: string }
    requestId: string
    run: () => Outcome
  },
): Outcome {
  const stored = cacheKey ? context.state.idempotency.get(cacheKey) : undefined
  if (stored) {
    if (stored.method !== fingerprint.method || stored.path !== fingerprint.path) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${fingerprint.method} ${fingerprint.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      )
    }
    if (stored.body !== fingerprint.body) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      )
    }
    return {
      status: stored.status,
      body: JSON.parse(stored.response),
      headers: { 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId },
      replayed: true,
    }
  }
  let outcome: Outcome
  try {
    outcome = run()
  } catch (error) {
    if (!(error instanceof StripeApiError) || error.beforeExecution) throw error
    outcome = errorOutcome(error)
  }
  if (cacheKey) {
    context.state.idempotency.set(cacheKey, {
      ...fingerprint,
      status: outcome.status,
      response: JSON.stringify(outcome.body),
      requestId,
    })
  }
  return outcome
}
