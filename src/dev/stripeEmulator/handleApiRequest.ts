import type { IncomingMessage, ServerResponse } from 'node:http'

import Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { RecordedRequest, StripeParams } from './types'

import { apiRoutes } from './apiRoutes'
import { authenticateApiKey } from './authenticateApiKey'
import { expandObject } from './expandObject'
import { readRequestBody, respond } from './http'
import { parseStripeParams } from './parseStripeParams'
import { StripeApiError } from './StripeApiError'
import { newStripeId } from './stripeObjects'

type Outcome = {
  status: number
  body: unknown
  headers?: Record<string, string>
  replayed?: boolean
  injected?: boolean
}

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
function checkIdempotencyKey(key: string | null): void {
  if (key === null) return
  if (key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return
  throw idempotencyError(
    `Idempotent key length is ${key.length}, which is outside accepted lengths. Idempotent Keys must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters long. If you're looking for a decent generator, try using a UUID defined by IETF RFC 4122.`,
  )
}

function errorOutcome(error: StripeApiError): Outcome {
  return {
    status: error.statusCode,
    body: { error: error.body },
    headers: error.statusCode === 401 ? { 'WWW-Authenticate': 'Bearer realm="Stripe"' } : {},
  }
}

/**
 * Stripe's idempotency: the first response to a key is saved whatever its status (a 400 the
 * endpoint answered, a 402, a 500) and replayed for as long as the request is the same; a
 * different endpoint or body under the same key is refused. A request refused before the endpoint
 * starts executing (malformed or unknown parameters) saves nothing, so a corrected retry can reuse
 * the key (https://docs.stripe.com/api/idempotent_requests).
 */
function runIdempotently(
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

function route(
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

/** Internal failures become Stripe's api_error; Should-Retry false, or the SDK retries an emulator bug twice. */
function internalErrorOutcome(
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
            return route(context, { method, path: url.pathname, params, requestId, idempotencyKey })
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
