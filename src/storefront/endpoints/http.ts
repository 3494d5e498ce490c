import type { PayloadRequest } from 'payload'

import { isStorefrontError, StorefrontError } from '../errors'

/** A JSON error a person can act on: `{ error: "<sentence>" }` plus any extra fields. */
export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** 303 See Other: where a form post goes next. */
export function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, 'Cache-Control': 'no-store' },
  })
}

/**
 * The one place an endpoint turns a thrown error into a response: a StorefrontError answers with
 * its own status and sentence; anything else is logged and answered 500 without internals.
 */
export function errorResponse(error: unknown, req: PayloadRequest): Response {
  if (isStorefrontError(error)) return jsonError(error.status, error.message, error.data)
  req.payload.logger.error({ err: error, path: req.url }, 'Unexpected storefront error.')
  return jsonError(500, 'Something went wrong on our side. Please try again in a moment.')
}

/**
 * True when a request that would authenticate by cookie comes from another site.
 * Payload already ignores the cookie for an Origin outside `csrf`; this also catches browsers
 * that send only Sec-Fetch-Site, so a cookie alone never buys on another site's behalf.
 */
export function isCrossSiteCookieRequest(req: PayloadRequest): boolean {
  if (req.headers.get('authorization')) return false
  const origin = req.headers.get('origin')
  const serverURL = req.payload.config.serverURL
  if (origin && serverURL && origin !== new URL(serverURL).origin) return true
  return req.headers.get('sec-fetch-site') === 'cross-site'
}

const tooLarge = (limitBytes: number) =>
  new StorefrontError(
    `The request body is larger than this endpoint accepts (${limitBytes} bytes); send a smaller one.`,
    413,
  )

/**
 * The request body as bytes, refusing (413) anything over `limitBytes` before it is read whole:
 * first by its Content-Length, then while streaming, for a body sent without one or with a false one.
 * @throws StorefrontError 413
 */
export async function readBodyWithLimit(req: PayloadRequest, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes)
  const stream = (req as { body?: ReadableStream<Uint8Array> | null }).body
  if (!stream) return Buffer.alloc(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > limitBytes) {
      // Stop the sender here instead of draining the rest of its upload.
      await reader.cancel().catch(() => {})
      throw tooLarge(limitBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
