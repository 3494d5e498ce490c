import type { PayloadRequest } from 'payload'

/**
 * True when a request that would authenticate by cookie comes from another site.
 * Payload already ignores the cookie for an Origin outside `csrf`; this also catches browsers
 * that send only Sec-Fetch-Site, so a cookie alone never buys on another site's behalf.
 */
export function isCrossSiteCookieRequest(req: PayloadRequest, serverURL: string): boolean {
  if (req.headers.get('authorization')) return false
  const origin = req.headers.get('origin')
  if (origin && serverURL && origin !== new URL(serverURL).origin) return true
  return req.headers.get('sec-fetch-site') === 'cross-site'
}
