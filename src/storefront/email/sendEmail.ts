import type { EmailConnection } from '../types'
import type { RenderedEmail } from './renderReceiptEmail'

import { sendThroughResend } from './sendThroughResend'

export type OutgoingEmail = RenderedEmail & { to: string; idempotencyKey: string }

/** Sends one shop email (receipt, payment failed) once per idempotency key; returns Resend's id. */
export function sendEmail(
  connection: EmailConnection & { from: string },
  email: OutgoingEmail,
): Promise<string> {
  return sendThroughResend(
    connection,
    {
      from: connection.from,
      to: [email.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
    },
    { idempotencyKey: email.idempotencyKey },
  )
}
