import { type ResendErrorBody, resendError } from './resendError'

/** Resend allows at most 50 recipients in `to`. */
const MAX_TO = 50

// Deliberately looser than Resend (no check of the domain part): the catcher should flag
// obvious mistakes, never reject an address the real API would accept.
const BARE = /^[^\s@<>]+@[^\s@<>]+$/
const NAMED = /^[^<>]*<\s*([^\s@<>]+@[^\s@<>]+)\s*>$/

function isAddress(value: string): boolean {
  const trimmed = value.trim()
  return BARE.test(trimmed) || NAMED.test(trimmed)
}

export type AddressField = 'from' | 'to' | 'cc' | 'bcc' | 'reply_to'

/**
 * Reads a Resend address field (a string or an array of strings) into a list, with Resend's
 * error names and messages close to Resend's wording. An absent optional field is `[]`.
 */
export function parseAddressField(
  value: unknown,
  { field, required }: { field: AddressField; required: boolean },
): { ok: true; addresses: string[] } | { ok: false; error: ResendErrorBody } {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
  if (list.length === 0 || list.every((item) => item === '')) {
    return required
      ? {
          ok: false,
          error: resendError({
            statusCode: 422,
            name: 'validation_error',
            message: `Missing \`${field}\` field.`,
          }),
        }
      : { ok: true, addresses: [] }
  }
  if (!list.every((item): item is string => typeof item === 'string' && isAddress(item))) {
    return {
      ok: false,
      error: resendError({
        statusCode: 422,
        name: 'validation_error',
        message: `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
      }),
    }
  }
  if (field === 'to' && list.length > MAX_TO) {
    return {
      ok: false,
      error: resendError({
        statusCode: 422,
        name: 'validation_error',
        message: `Too many recipients in \`to\`: ${list.length}. The maximum is ${MAX_TO}.`,
      }),
    }
  }
  return { ok: true, addresses: list.map((item) => item.trim()) }
}
