import type { IncomingMessage, ServerResponse } from 'node:http'

import Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { RecordedRequest, StripeParams } from './types'

import { type Outcome, errorOutcome, internalErrorOutcome } from './apiOutcome'
import { authenticateApiKey } from './authenticateApiKey'
import { readRequestBody, respond } from './http'
import { checkIdempotencyKey, runIdempotently } from './idempotency'
import { parseStripeParams } from './parseStripeParams'
import { routeApiRequest } from './routeApiRequest'
import { StripeApiError } from './StripeApiError'
import { newStripeId } from './stripeObjects'

/** One `/v1/…` request: authenticate, parse, replay or run, answer like Stripe, and record it for tests. */
export async function handleApiRequest(
  context: EmulatorContext,
  { request, response, url }: { request: IncomingMessage; response: ServerResponse; url: URL },
): Promise<void> {
  const requestId = newStripeId('req')
  const method = request.method ?? 'GET'
  const body = method === 'GET' ? url.search.slice(1) : await readRequestBody(request)
  const idempotencyKey =
    method === 'POST' ? ((request.headers['idempotency-key'] as string | undefined) ?? null) : null
  const recorded: RecordedRequest = {
    id: requestId,
    at: new Date().toISOString(),
    method,
    path: url.pathname,
    params: {},
    idempotencyKey,
    idempotentReplayed: false,
    status: 0,
  }
  context.state.requests.push(recorded)

  // Parsed before authenticating only so a refused request is still recorded with what it sent.
  let parsed: StripeParams | StripeApiError
  try {
    parsed = parseStripeParams(body)
  } catch (error) {
    parsed = error as StripeApiError
  }
  if (!(parsed instanceof StripeApiError)) recorded.params = parsed

  let outcome: Outcome
  try {
    // A missing key is reported before a malformed body, as Stripe does.
    const apiKey = authenticateApiKey(request)
    if (parsed instanceof StripeApiError) throw parsed
    const params = parsed
    checkIdempotencyKey(idempotencyKey)
    const fault = context.state.faults.find(
      (candidate) =>
        candidate.remaining > 0 && candidate.method === method && candidate.path === url.pathname,
    )
    if (fault) {
      // A canned failure stands for the request never reaching Stripe's API, so it is not
      // saved under the idempotency key: the SDK's retry with the same key gets a real answer.
      fault.remaining -= 1
      outcome = {
        status: fault.status,
        body: fault.body,
        headers: { 'Stripe-Should-Retry': 'false' },
        injected: true,
      }
    } else
      outcome = runIdempotently(context, {
        cacheKey: idempotencyKey ? `${apiKey}:${idempotencyKey}` : null,
        key: idempotencyKey ?? '',
        fingerprint: { method, path: url.pathname, body },
        requestId,
        run: () => {
          try {
            return routeApiRequest(context, {
              method,
              path: url.pathname,
              params,
              requestId,
              idempotencyKey,
            })
          } catch (error) {
            if (error instanceof StripeApiError) throw error
            return internalErrorOutcome(context, { error, where: `${method} ${url.pathname}` })
          }
        },
      })
  } catch (error) {
    outcome =
      error instanceof StripeApiError
        ? errorOutcome(error)
        : internalErrorOutcome(context, { error, where: `${method} ${url.pathname}` })
  }

  recorded.status = outcome.status
  recorded.idempotentReplayed = outcome.replayed ?? false
  context.options.log(
    `${method} ${url.pathname} → ${outcome.status}${outcome.replayed ? ' (idempotent replay)' : ''}`,
  )
  context.options.transcript?.({
    kind: 'api',
    method,
    path: url.pathname,
    params: recorded.params,
    status: outcome.status,
    // A copy: the SDK-facing body must not change if a later request edits a stored object.
    body: structuredClone(outcome.body),
    injected: outcome.injected ?? false,
    replayed: outcome.replayed ?? false,
  })
  respond.json(response, {
    status: outcome.status,
    body: outcome.body,
    headers: {
      'Request-Id': requestId,
      'Stripe-Version':
        (request.headers['stripe-version'] as string | undefined) ?? Stripe.API_VERSION,
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      ...outcome.headers,
    },
  })
}
