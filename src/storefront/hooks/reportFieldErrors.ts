import type { CollectionAfterErrorHook } from 'payload'

type FieldErrors = {
  name?: unknown
  message?: unknown
  status?: unknown
  isPublic?: unknown
  data?: { errors?: Array<{ path?: unknown; message?: unknown }> }
}

/**
 * Keeps a failed save's field errors in the REST answer, so the admin shows each under its field.
 * Payload formats a ValidationError with its `data` (the per-field messages) only when
 * `instanceof ValidationError` holds, and a Next production build can hold two copies of that
 * class: the answer then carried only "The following field is invalid: File name" and the editor
 * never read why. Recognised by shape here, as the plugin's own errors are.
 */
export const reportFieldErrors: CollectionAfterErrorHook = ({ error }) => {
  const candidate = error as FieldErrors
  const errors = candidate.data?.errors
  if (
    candidate.isPublic !== true ||
    candidate.status !== 400 ||
    !Array.isArray(errors) ||
    !errors.every((entry) => typeof entry?.path === 'string' && typeof entry.message === 'string')
  )
    return
  const data = candidate.data as Record<string, unknown>
  return {
    status: 400,
    response: {
      errors: [{ name: 'ValidationError', data, message: String(candidate.message) }],
    },
  }
}
