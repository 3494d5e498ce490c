import type { CaughtAttachment, CaughtEmail } from './types'

import { parseAddressField } from './parseAddressField'
import { type ResendErrorBody, resendError } from './resendError'

export type EmailContent = Omit<CaughtEmail, 'id' | 'created_at' | 'idempotency_key'>
type Result<T> = { ok: true; value: T } | { ok: false; error: ResendErrorBody }

// Resend: tag names and values are ASCII letters, numbers, underscores or dashes, at most 256.
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/

const invalid = (
  message: string,
  name = 'validation_error',
): { ok: false; error: ResendErrorBody } => ({
  ok: false,
  error: resendError({ statusCode: 422, name, message }),
})

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalString(value: unknown): value is string | undefined | null {
  return value === undefined || value === null || typeof value === 'string'
}

function parseTemplate(value: unknown): Result<CaughtEmail['template']> {
  if (value === undefined || value === null) return { ok: true, value: null }
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '')
    return invalid('Invalid `template` field. It needs an `id`.')
  const variables = isRecord(value.variables) ? value.variables : {}
  return { ok: true, value: { id: value.id, variables } }
}

function parseHeaders(value: unknown): Result<Record<string, string>> {
  if (value === undefined || value === null) return { ok: true, value: {} }
  if (!isRecord(value) || !Object.values(value).every((header) => typeof header === 'string')) {
    return invalid('Invalid `headers` field. It must be an object whose values are strings.')
  }
  return { ok: true, value: value as Record<string, string> }
}

function parseTags(value: unknown): Result<CaughtEmail['tags']> {
  if (value === undefined || value === null) return { ok: true, value: [] }
  const valid =
    Array.isArray(value) &&
    value.every(
      (tag) =>
        isRecord(tag) &&
        typeof tag.name === 'string' &&
        typeof tag.value === 'string' &&
        TAG_PART.test(tag.name) &&
        TAG_PART.test(tag.value),
    )
  if (!valid) {
    return invalid(
      'Invalid `tags` field. Each tag needs a `name` and a `value` of ASCII letters, numbers, underscores or dashes (at most 256).',
    )
  }
  return {
    ok: true,
    value: (value as { name: string; value: string }[]).map(({ name, value: tagValue }) => ({
      name,
      value: tagValue,
    })),
  }
}

function parseAttachments(value: unknown): Result<CaughtAttachment[]> {
  if (value === undefined || value === null) return { ok: true, value: [] }
  if (!Array.isArray(value)) return invalid('Invalid `attachments` field. It must be an array.')
  const attachments: CaughtAttachment[] = []
  for (const item of value) {
    const content = isRecord(item) ? item.content : undefined
    const path = isRecord(item) ? item.path : undefined
    if (!isRecord(item) || (typeof content !== 'string' && typeof path !== 'string')) {
      return invalid('Attachment must have either a `content` or `path`.', 'invalid_attachment')
    }
    attachments.push({
      filename: typeof item.filename === 'string' ? item.filename : null,
      content_type: typeof item.content_type === 'string' ? item.content_type : null,
      path: typeof path === 'string' ? path : null,
      // The SDK sends inline content base64-encoded; record the size, not the bytes.
      size: typeof content === 'string' ? Buffer.from(content, 'base64').length : null,
    })
  }
  return { ok: true, value: attachments }
}

/**
 * Checks a `POST /emails` body the way Resend does, closely enough that a payload the catcher
 * accepts is one Resend accepts, and the usual mistakes (missing field, no body, bad address)
 * fail here with Resend's error name instead of first failing in production. Resend's exact
 * messages are not all documented; ours name the field and the fix.
 *
 * With a `template`, Resend fills in from/subject/html/text from the template, so those become
 * optional; the catcher cannot render templates and stores the template reference instead.
 */
export function validateEmail(body: unknown): Result<EmailContent> {
  if (!isRecord(body)) return invalid('The request body must be a JSON object.')

  const template = parseTemplate(body.template)
  if (!template.ok) return template
  const usesTemplate = template.value !== null

  if (body.from !== undefined && typeof body.from !== 'string')
    return invalid('Invalid `from` field. It must be a single address.')
  const from = parseAddressField(body.from, { field: 'from', required: !usesTemplate })
  if (!from.ok) return from

  const to = parseAddressField(body.to, { field: 'to', required: true })
  if (!to.ok) return to

  if (!optionalString(body.subject)) return invalid('Invalid `subject` field. It must be a string.')
  if (!usesTemplate && !body.subject) return invalid('Missing `subject` field.')

  if (!optionalString(body.html) || !optionalString(body.text))
    return invalid('Invalid `html` or `text` field. They must be strings.')
  if (!usesTemplate && !body.html && !body.text) return invalid('Missing `html` or `text` field.')

  const cc = parseAddressField(body.cc, { field: 'cc', required: false })
  if (!cc.ok) return cc
  const bcc = parseAddressField(body.bcc, { field: 'bcc', required: false })
  if (!bcc.ok) return bcc
  const replyTo = parseAddressField(body.reply_to, { field: 'reply_to', required: false })
  if (!replyTo.ok) return replyTo

  const headers = parseHeaders(body.headers)
  if (!headers.ok) return headers
  const tags = parseTags(body.tags)
  if (!tags.ok) return tags
  const attachments = parseAttachments(body.attachments)
  if (!attachments.ok) return attachments

  if (!optionalString(body.scheduled_at))
    return invalid('Invalid `scheduled_at` field. It must be a date string.')

  return {
    ok: true,
    value: {
      from: from.addresses[0] ?? '',
      to: to.addresses,
      cc: cc.addresses,
      bcc: bcc.addresses,
      reply_to: replyTo.addresses,
      subject: body.subject ?? '',
      html: body.html || null,
      text: body.text || null,
      headers: headers.value,
      tags: tags.value,
      attachments: attachments.value,
      scheduled_at: body.scheduled_at ?? null,
      template: template.value,
    },
  }
}
