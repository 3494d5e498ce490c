import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { EmailConnection } from '../types'

import { getResendClient } from './getResendClient'
import { parseFromAddress } from './parseFromAddress'

type AddressLike = string | { address: string; name?: string } | Array<string | { address: string; name?: string }> | undefined

function toList(value: AddressLike): string[] | undefined {
  if (!value) return undefined
  return (Array.isArray(value) ? value : [value]).map((entry) => (typeof entry === 'string' ? entry : entry.name ? `${entry.name} <${entry.address}>` : entry.address))
}

/**
 * Payload's own emails (password reset, verification) through the same `resend` SDK and
 * connection as receipts: one mail path, and offline one stand-in (the mail catcher).
 */
export function createResendEmailAdapter(connection: EmailConnection & { from: string }): EmailAdapter {
  const from = parseFromAddress(connection.from)
  return () => ({
    name: 'resend-sdk',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message: SendEmailOptions) => {
      if (!connection.resendApiKey) throw new Error('No Resend API key is configured (RESEND_API_KEY); the email was not sent.')
      const resend = getResendClient(connection.resendApiKey, connection.baseUrl)
      const sender = toList(message.from as AddressLike)?.[0] ?? connection.from
      const { data, error } = await resend.emails.send({
        from: sender,
        to: toList(message.to as AddressLike) ?? [],
        cc: toList(message.cc as AddressLike),
        bcc: toList(message.bcc as AddressLike),
        replyTo: toList(message.replyTo as AddressLike),
        subject: String(message.subject ?? ''),
        html: typeof message.html === 'string' ? message.html : undefined,
        text: typeof message.text === 'string' ? message.text : String(message.html ?? ''),
      } as Parameters<typeof resend.emails.send>[0])
      if (error || !data) throw new Error(`Resend refused the email (${error ? `${error.name}: ${error.message}` : 'no id returned'}).`)
      return data
    },
  })
}
