import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'


import type { CatcherState } from './catcherState'

import { apiKeyError } from './apiKeyError'
import { readBody, sendJson } from './http'
import { resendError } from './resendError'
import { validateEmail } from './validateEmail'

/** Resend's limit is 40 MB per email including attachments; we apply it to the request body. */
const MAX_BODY_BYTES = 40 * 1024 * 1024
/** Resend: "The key must be between 1-256 chars." */
const MAX_IDEMPOTENCY_KEY_LENGTH = 256

/**
 * `POST /emails`. Checks run in the order a caller can act on them: an injected outage first
 * (it stands for Resend being unreachable), then the key, the body, the idempotency key, and
 * only then is anything stored. Everything from the idempotency check to storing the email is
 * synchronous, so concurrent requests with one key cannot both store an email.
 */
export async function handleSendEmail(
  state: CatcherState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = await readBody(req, MAX_BODY_BYTES)

  const injected = state.failures.take()
  if (injected) {
    state.log(`failed a send on purpose with ${injected.statusCode} ${injected.name} (fail-next)`)
    return sendJson(res, injected.statusCode, injected)
  }

  const authError = apiKeyError(req.headers.authorization)
  if (authError) return sendJson(res, authError.statusCode, authError)

  if (raw === null)
    return sendJson(
      res,
      422,
      resendError(422, 'validation_error', 'The email is larger than the 40 MB Resend accepts.'),
    )
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return sendJson(
      res,
      400,
      resendError(400, 'validation_error', 'The request body is not valid JSON.'),
    )
  }

  const idempotencyKey = req.headers['idempotency-key']
  if (
    Array.isArray(idempotencyKey) ||
    (idempotencyKey !== undefined &&
      (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH))
  ) {
    return sendJson(
      res,
      400,
      resendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.'),
    )
  }

  const validated = validateEmail(body)
  if (!validated.ok) return sendJson(res, validated.error.statusCode, validated.error)

  if (idempotencyKey !== undefined) {
    const previous = state.ledger.check(idempotencyKey, body)
    if (previous.outcome === 'replay') return sendJson(res, 200, { id: previous.emailId })
    if (previous.outcome === 'conflict') {
      return sendJson(
        res,
        409,
        resendError(
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload.',
        ),
      )
    }
  }

  const id = randomUUID()
  state.mailbox.add({
    id,
    ...validated.value,
    created_at: state.now().toISOString(),
    idempotency_key: idempotencyKey ?? null,
  })
  if (idempotencyKey !== undefined) state.ledger.remember(idempotencyKey, body, id)
  state.log(`caught ${id} to ${validated.value.to.join(', ')}: ${validated.value.subject}`)
  sendJson(res, 200, { id })
}
