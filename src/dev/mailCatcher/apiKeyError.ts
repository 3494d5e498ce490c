import { type ResendErrorBody, resendError } from './resendError'

/**
 * Resend's answer to a request without a usable API key, or null when the key looks right.
 * Any `re_...` key is accepted, since there is no account to check it against; but a missing
 * header (401 `missing_api_key`) or a key that is not a Resend key at all (403
 * `invalid_api_key`, as Resend documents it) fails here too, so a misconfigured
 * RESEND_API_KEY shows up in development rather than on the first production receipt.
 */
export function apiKeyError(authorization: string | undefined): ResendErrorBody | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (!match) {
    return resendError({
      statusCode: 401,
      name: 'missing_api_key',
      message:
        'Missing API key in the authorization header. Include the header `Authorization: Bearer re_...`.',
    })
  }
  if (!match[1].startsWith('re_')) {
    return resendError({
      statusCode: 403,
      name: 'invalid_api_key',
      message: 'API key is invalid. Resend API keys start with `re_`.',
    })
  }
  return null
}
