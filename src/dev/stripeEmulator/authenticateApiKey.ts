import type { IncomingMessage } from 'node:http'

import { StripeApiError } from './StripeApiError'

const MISSING_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). " +
  'See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.'

function unauthorized(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message })
}

/** Stripe's dashboard shows keys as `sk_test_****1234`; error messages never echo a whole key. */
function redact(key: string): string {
  return key.length > 12
    ? `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 24))}${key.slice(-4)}`
    : '****'
}

/**
 * Accepts any test-mode secret or restricted key (`sk_test_…`, `rk_test_…`), as Bearer or as the
 * Basic-auth user `curl -u sk_test_…:` sends, and answers 401 like Stripe otherwise. A live key is
 * refused so a misconfigured production secret can never end up talking to the emulator unnoticed.
 */
export function authenticateApiKey(request: IncomingMessage): string {
  const header = request.headers.authorization
  if (!header) throw unauthorized(MISSING_KEY_MESSAGE)
  const [scheme, credentials = ''] = header.split(' ')
  let key = ''
  if (scheme.toLowerCase() === 'bearer') key = credentials.trim()
  if (scheme.toLowerCase() === 'basic')
    key = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0]
  if (!key) throw unauthorized(MISSING_KEY_MESSAGE)
  if (!/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key))
    throw unauthorized(`Invalid API Key provided: ${redact(key)}`)
  return key
}
