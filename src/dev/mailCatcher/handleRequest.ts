import type { IncomingMessage, ServerResponse } from 'node:http'

import { apiKeyError } from './apiKeyError'
import { type CatcherState, clearState } from './catcherState'
import { handleSendEmail } from './handleSendEmail'
import { readBody, sendHtml, sendJson } from './http'
import { renderInboxPage, renderMessagePage, renderNotFoundPage } from './inboxPages'
import { resendError } from './resendError'
import { toRetrievedEmail } from './toRetrievedEmail'

const notFound = resendError({
  statusCode: 404,
  name: 'not_found',
  message: 'The requested endpoint does not exist.',
})

/**
 * Collapses repeated slashes and drops a trailing one, so `RESEND_BASE_URL=http://host:port/`
 * (which makes the SDK request `//emails`) still works.
 */
function normalisePath(url: string | undefined): string {
  // Collapse before parsing: `new URL('//emails', base)` would read `emails` as a host name.
  const collapsed = (url ?? '/').split('?')[0].replace(/\/{2,}/g, '/')
  const { pathname } = new URL(collapsed, 'http://mail-catcher.local')
  return pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname
}

/** `POST /_catcher/fail-next` with `{ "count": N, "status": 500 }`; both optional (1, 500). */
async function handleFailNext(
  state: CatcherState,
  { req, res }: { req: IncomingMessage; res: ServerResponse },
): Promise<void> {
  const raw = (await readBody(req, 64 * 1024)) ?? ''
  let body: { count?: unknown; status?: unknown }
  try {
    body = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    return sendJson(res, {
      status: 400,
      body: resendError({
        statusCode: 400,
        name: 'validation_error',
        message: 'Send JSON like {"count": 3, "status": 500}.',
      }),
    })
  }
  const count = body.count ?? 1
  const status = body.status ?? 500
  try {
    state.failures.arm(count as number, status as number)
  } catch (error) {
    return sendJson(res, {
      status: 400,
      body: resendError({
        statusCode: 400,
        name: 'validation_error',
        message: (error as Error).message,
      }),
    })
  }
  state.log(`the next ${count} send(s) will fail with ${status}`)
  sendJson(res, { status: 200, body: { count, status } })
}

/** Routes one request. Resend's API paths need an API key; the catcher's own pages do not. */
export async function handleRequest(
  state: CatcherState,
  { req, res }: { req: IncomingMessage; res: ServerResponse },
): Promise<void> {
  const path = normalisePath(req.url)
  const method = req.method ?? 'GET'
  // Ids are uuids we issued, matched as they appear in the path; anything else is not found.
  const emailId = /^\/emails\/([^/]+)$/.exec(path)?.[1]
  const messageId = /^\/messages\/([^/]+)$/.exec(path)?.[1]

  if (path === '/emails' && method === 'POST') return handleSendEmail(state, { req, res })

  if (emailId && method === 'GET') {
    const authError = apiKeyError(req.headers.authorization)
    const email = authError ? undefined : state.mailbox.get(emailId)
    const status = authError?.statusCode ?? (email ? 200 : 404)
    const response =
      authError ??
      (email
        ? toRetrievedEmail(email)
        : resendError({ statusCode: 404, name: 'not_found', message: 'Email not found.' }))
    state.transcript?.({ method, path, body: null, idempotencyKey: null, status, response })
    return sendJson(res, { status, body: response })
  }

  if (path === '/' && method === 'GET')
    return sendHtml(res, { status: 200, html: renderInboxPage(state.mailbox.list()) })

  if (messageId && method === 'GET') {
    const email = state.mailbox.get(messageId)
    if (email) return sendHtml(res, { status: 200, html: renderMessagePage(email) })
    return sendHtml(res, { status: 404, html: renderNotFoundPage() })
  }

  if (path === '/_catcher/messages' && method === 'GET')
    return sendJson(res, { status: 200, body: state.mailbox.list() })
  if (path === '/_catcher/messages' && method === 'DELETE') {
    clearState(state)
    return sendJson(res, { status: 200, body: { cleared: true } })
  }
  if (path === '/_catcher/fail-next' && method === 'POST')
    return handleFailNext(state, { req, res })

  const knownPath =
    ['/emails', '/', '/_catcher/messages', '/_catcher/fail-next'].includes(path) ||
    emailId ||
    messageId
  if (knownPath)
    return sendJson(res, {
      status: 405,
      body: resendError({
        statusCode: 405,
        name: 'method_not_allowed',
        message: `${method} is not allowed on ${path}.`,
      }),
    })
  sendJson(res, { status: 404, body: notFound })
}
