import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { EmailConnection } from '../types'

import { parseFromAddress } from './parseFromAddress'
import { sendThroughResend } from './sendThroughResend'

type AddressLike =
  | string
  | { address: string; name?: string }
  | Array<string | { address: string; name?: string }>
  | undefined

function toList(value: AddressLike): string[] | undefined {
  if (!value) return undefined
  return (Array.isArray(value) ? value : [value]).map((entry) =>
    typeof entry === 'string'
      ? entry
      : entry.name
        ? `${entry.name} <${entry.address}>`
        : entry.address,
  )
}

/**
 * Payload's own emails (password reset, verification) through the same `resend` SDK and
 * connection as receipts: one mail path, and offline one stand-in (the mail catcher).
 */
export function createResendEmailAdapter(
  connection: EmailConnection & { from: string },
): EmailAdapter {
  const from = parseFromAddress(connection.from)
  return () => ({
    name: 'resend-sdk',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: (message: SendEmailOptions) => {
      const html = typeof message.html === 'string' ? message.html : undefined
      const text = typeof message.text === 'string' ? message.text : undefined
      return sendThroughResend(connection, {
        from: toList(message.from as AddressLike)?.[0] ?? connection.from,
        to: toList(message.to as AddressLike) ?? [],
        cc: toList(message.cc as AddressLike),
        bcc: toList(message.bcc as AddressLike),
        replyTo: toList(message.replyTo as AddressLike),
        subject: String(message.subject ?? ''),
        ...(html ? { html } : {}),
        ...(text ? { text } : {}),
      } as Parameters<typeof sendThroughResend>[1])
    },
  })
}
