import type { CaughtEmail } from './types'

/**
 * The body of `GET /emails/:id`, in the shape of the SDK's `GetEmailResponseSuccess`.
 * Approximations: `created_at` is ISO 8601 (Resend sends a Postgres-style timestamp), and
 * `last_event` is always `delivered`, since every caught email counts as delivered.
 */
export function toRetrievedEmail(email: CaughtEmail) {
  return {
    object: 'email' as const,
    id: email.id,
    message_id: `<${email.id}@mail-catcher.local>`,
    from: email.from,
    to: email.to,
    cc: email.cc.length > 0 ? email.cc : null,
    bcc: email.bcc.length > 0 ? email.bcc : null,
    reply_to: email.reply_to.length > 0 ? email.reply_to : null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    tags: email.tags,
    created_at: email.created_at,
    scheduled_at: email.scheduled_at,
    last_event: 'delivered' as const,
  }
}
