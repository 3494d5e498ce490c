import type { EmailConnection } from '../types'
import type { RenderedEmail } from './renderReceiptEmail'

import { getResendClient } from './getResendClient'

export type OutgoingEmail = RenderedEmail & { to: string; idempotencyKey: string }

/**
 * Sends through the resend SDK and returns Resend's email id.
 * `emails.send` never throws on an API error: it returns `{ error }`, which is turned into a
 * thrown Error here so the job system retries it.
 */
export async function sendEmail(connection: EmailConnection & { from: string }, email: OutgoingEmail): Promise<string> {
  if (!connection.resendApiKey) throw new Error('No Resend API key is configured (RESEND_API_KEY); the email was not sent.')
  const resend = getResendClient(connection.resendApiKey, connection.baseUrl)
  const { data, error } = await resend.emails.send(
    { from: connection.from, to: [email.to], subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: email.idempotencyKey },
  )
  if (error || !data) {
    const detail = error ? `${error.name}: ${error.message}` : 'no id returned'
    throw new Error(`Resend refused the email (${detail}).`)
  }
  return data.id
}
