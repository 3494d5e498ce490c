import type { CreateEmailOptions, CreateEmailRequestOptions } from 'resend'

import type { EmailConnection } from '../types'

import { getResendClient } from './getResendClient'

/**
 * The one place that calls `resend.emails.send`. The SDK never throws on an API error: it
 * returns `{ error }`, which is turned into a thrown Error here so callers (and job retries) see it.
 * @returns Resend's email id
 */
export async function sendThroughResend(
  connection: EmailConnection,
  email: CreateEmailOptions,
  requestOptions?: CreateEmailRequestOptions,
): Promise<string> {
  if (!connection.resendApiKey)
    throw new Error('No Resend API key is configured (RESEND_API_KEY); the email was not sent.')
  const { data, error } = await getResendClient(
    connection.resendApiKey,
    connection.baseUrl,
  ).emails.send(email, requestOptions)
  if (error || !data)
    throw new Error(
      `Resend refused the email (${error ? `${error.name}: ${error.message}` : 'no id returned'}).`,
    )
  return data.id
}
