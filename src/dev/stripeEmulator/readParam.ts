import type { StripeParamValue } from './types'

import { StripeApiError } from './StripeApiError'

/**
 * Typed reads of form parameters with Stripe's validation messages. Values arrive as strings or
 * hashes; a hash where a string belongs (or the reverse) is a client bug Stripe rejects, so do we.
 */
export const readParam = {
  string(value: StripeParamValue | undefined, param: string): string | undefined {
    if (value === undefined || value === '') return undefined
    if (typeof value !== 'string')
      throw StripeApiError.invalidParameter({
        param,
        message: `Invalid string: ${JSON.stringify(value)}`,
      })
    return value
  },

  integer(
    value: StripeParamValue | undefined,
    { param, min = 0 }: { param: string; min?: number },
  ): number | undefined {
    const text = readParam.string(value, param)
    if (text === undefined) return undefined
    if (!/^-?\d+$/.test(text) || Number(text) < min) {
      throw StripeApiError.invalidParameter({
        param,
        message: `Invalid ${min > 0 ? 'positive ' : ''}integer: ${text}`,
        code: 'parameter_invalid_integer',
      })
    }
    return Number(text)
  },

  boolean(value: StripeParamValue | undefined, param: string): boolean | undefined {
    const text = readParam.string(value, param)
    if (text === undefined) return undefined
    if (text !== 'true' && text !== 'false')
      throw StripeApiError.invalidParameter({ param, message: `Invalid boolean: ${text}` })
    return text === 'true'
  },

  url(value: StripeParamValue | undefined, param: string): string | undefined {
    const text = readParam.string(value, param)
    if (text === undefined) return undefined
    // Stripe keeps `{CHECKOUT_SESSION_ID}` unencoded, so parse with it swapped for a plain token.
    const parsed = URL.canParse(text.replaceAll('{CHECKOUT_SESSION_ID}', 'x'))
      ? new URL(text.replaceAll('{CHECKOUT_SESSION_ID}', 'x'))
      : null
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
      throw StripeApiError.invalidParameter({
        param,
        message: 'Not a valid URL',
        code: 'url_invalid',
      })
    return text
  },

  email(value: StripeParamValue | undefined, param: string): string | undefined {
    const text = readParam.string(value, param)
    if (text !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
      throw StripeApiError.invalidParameter({
        param,
        message: `Invalid email address: ${text}`,
        code: 'email_invalid',
      })
    }
    return text
  },

  /** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
  metadata(value: StripeParamValue | undefined, param: string): Record<string, string> {
    if (value === undefined || value === '') return {}
    if (typeof value !== 'object' || Array.isArray(value))
      throw StripeApiError.invalidParameter({ param, message: 'Invalid hash' })
    const entries = Object.entries(value)
    if (entries.length > 50)
      throw StripeApiError.invalidParameter({
        param,
        message: 'You can specify up to 50 keys in metadata.',
      })
    for (const [key, entry] of entries) {
      if (typeof entry !== 'string')
        throw StripeApiError.invalidParameter({
          param: `${param}[${key}]`,
          message: `Invalid string: ${JSON.stringify(entry)}`,
        })
      if (key.length > 40)
        throw StripeApiError.invalidParameter({
          param: `${param}[${key}]`,
          message: 'Metadata keys can have up to 40 characters.',
        })
      if (entry.length > 500)
        throw StripeApiError.invalidParameter({
          param: `${param}[${key}]`,
          message: 'Metadata values can have up to 500 characters.',
        })
    }
    // Setting a key to '' unsets it in Stripe; on create that simply means the key is absent.
    return Object.fromEntries(entries.filter(([, entry]) => entry !== '')) as Record<string, string>
  },
}
