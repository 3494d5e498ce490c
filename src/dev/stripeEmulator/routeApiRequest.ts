import type { EmulatorContext } from './EmulatorContext'
import type { StripeParams } from './types'

import type { Outcome } from './apiOutcome'
import { apiRoutes } from './apiRoutes'
import { expandObject } from './expandObject'
import { StripeApiError } from './StripeApiError'

/**
 * Runs the `/v1/…` route (apiRoutes) that answers `method path` and expands its object as `expand`
 * asks; Stripe's 404 when no route does.
 */
export function routeApiRequest(
  context: EmulatorContext,
  {
    method,
    path,
    params,
    requestId,
    idempotencyKey,
  }: {
    method: string
    path: string
    params: StripeParams
    requestId: string
    idempotencyKey: string | null
  },
): Outcome {
  for (const candidate of apiRoutes) {
    const match = candidate.method === method ? candidate.pattern.exec(path) : null
    if (!match) continue
    const result = candidate.handle(context, {
      pathIds: match.slice(1).map(decodeURIComponent),
      params,
      request: { id: requestId, idempotencyKey },
    })
    return {
      status: 200,
      body: expandObject(result, { expand: params.expand, state: context.state }),
    }
  }
  throw new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  })
}
