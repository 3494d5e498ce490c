import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { CatcherState } from './catcherState'

import { apiKeyError } from './apiKeyError'
import { readBody, sendJson } from './http'
import { resendError } from './resendError'
import { senderError } from './senderPolicy'
import { validateEmail } from './validateEmail'

/** Resend's limit is 40 MB per email including attachments; we apply it to the request body. */
const MAX_BODY_BYTES = 40 * 1024 * 1024
/** Resend: "The key must be between 1-256 chars." */
const MAX_IDEMPOTENCY_KEY_LENGTH = 256

function parseJson(raw: string | null): { ok: true; value: unknown } | { ok: false } {
  if (raw === null) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch {
    return { ok: false }
  }
}

/**
 * `POST /emails`. Checks run in the order a caller can act on them: an injected outage first
 * (it stands for Resend being unreachable), then the key, the body, the sender, the idempotency
 * key, and only then is anything stored. Everything from the idempotency check to storing the
 * email is synchronous, so concurrent requests with one key cannot both store an email.
 */
export async function handleSendEmail(
  state: CatcherState,
  { req, res }: { req: IncomingMessage; res: ServerResponse },
): Promise<void> {
  const raw = await readBody(req, MAX_BODY_BYTES)
  const parsed = parseJson(raw)
  const idempotencyKey = req.headers['idempotency-key']

  const answer = (status: number, value: unknown): void => {
    state.transcript?.({
      method: 'POST',
      path: '/emails',
      body: parsed.ok ? parsed.value : null,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null,
      status,
      response: value,
    })
    sendJson(res, { status, body: value })
  }

  const injected = state.failures.take()
  if (injected) {
    state.log(`failed a send on purpose with ${injected.statusCode} ${injected.name} (fail-next)`)
    return answer(injected.statusCode, injected)
  }

  const authError = apiKeyError(req.headers.authorization)
  if (authError) return answer(authError.statusCode, authError)

  if (raw === null)
    return answer(
      422,
      resendError({
        statusCode: 422,
        name: 'validation_error',
        message: 'The email is larger than the 40 MB Resend accepts.',
      }),
    )
  if (!parsed.ok)
    return answer(
      400,
      resendError({
        statusCode: 400,
        name: 'validation_error',
        message: 'The request body is not valid JSON.',
      }),
    )
  const body = parsed.value

  if (
    Array.isArray(idempotencyKey) ||
    (idempotencyKey !== undefined &&
      (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH))
  ) {
    return answer(
      400,
      resendError({
        statusCode: 400,
        name: 'invalid_idempotency_key',
        message: 'The key must be between 1-256 chars.',
      }),
    )
  }

  const validated = validateEmail(body)
  if (!validated.ok) return answer(validated.error.statusCode, validated.error)

  const refusedSender = senderError(state.senders, validated.value)
  if (refusedSender) return answer(refusedSender.statusCode, refusedSender)

  if (idempotencyKey !== undefined) {
    const previous = state.ledger.check(idempotencyKey, body)
    if (previous.outcome === 'replay') return answer(200, { id: previous.emailId })
    if (previous.outcome === 'conflict') {
      return answer(
        409,
        resendError({
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same idempotency key used with a different request payload.',
        }),
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
  if (idempotencyKey !== undefined)
    state.ledger.remember(idempotencyKey, { payload: body, emailId: id })
  state.log(`caught ${id} to ${validated.value.to.join(', ')}: ${validated.value.subject}`)
  answer(200, { id })
}
