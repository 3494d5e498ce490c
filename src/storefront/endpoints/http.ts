import type { PayloadRequest } from 'payload'

import { isStorefrontError } from '../errors'

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
