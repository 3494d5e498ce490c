import type { EmailAdapter, SendEmailOptions } from 'payload'
import type { CreateEmailOptions, CreateEmailRequestOptions } from 'resend'

import { Resend } from 'resend'

import type { EmailConnection } from '../types'
import type { RenderedEmail } from './templates'

const cache = globalThis as typeof globalThis & { __storefrontResendClients?: Map<string, Resend> }

/** One Resend client per process and connection (survives dev hot reload, like the Stripe client). */
export function getResendClient(apiKey: string, baseUrl?: string): Resend {
  const key = `${apiKey}\n${baseUrl ?? ''}`
  cache.__storefrontResendClients ??= new Map()
  let client = cache.__storefrontResendClients.get(key)
  if (!client) {
    client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
    cache.__storefrontResendClients.set(key, client)
  }
  return client
}

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
  if (!connection.resendApiKey) {
    throw new Error('No Resend API key is configured (RESEND_API_KEY); the email was not sent.')
  }
  const { data, error } = await getResendClient(
    connection.resendApiKey,
    connection.baseUrl,
  ).emails.send(email, requestOptions)
  if (error || !data) {
    const reason = error ? `${error.name}: ${error.message}` : 'no id returned'
    throw new Error(`Resend refused the email (${reason}).`)
  }
  return data.id
}

export type OutgoingEmail = RenderedEmail & { to: string; idempotencyKey: string }

/** Sends one shop email (receipt, payment failed) once per idempotency key; returns Resend's id. */
export function sendEmail(connection: EmailConnection, email: OutgoingEmail): Promise<string> {
  if (!connection.from) throw new Error('No sender is configured (email.from); nothing was sent.')
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

/** Splits 'Shop <shop@example.com>' into its name and address (a bare address has no name). */
export function parseFromAddress(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1].replace(/^"|"$/g, ''), address: match[2] }
    : { name: '', address: from.trim() }
}

const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
}

/**
 * A plain-text part for an email that arrives with HTML only (Payload's own emails, such as the
 * password reset): links keep their address, blocks become lines, tags go.
 */
export function plainTextFromHtml(html: string): string {
  return html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(
      /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_match, href: string, label: string) => {
        const text = label.replace(/<[^>]+>/g, '').trim()
        return text && text !== href ? `${text}: ${href}` : href
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|tr|div|li)>/gi, '\n\n')
    .replace(/<\/td>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => HTML_ENTITIES[entity])
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

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
      const text =
        typeof message.text === 'string' ? message.text : html ? plainTextFromHtml(html) : undefined
      return sendThroughResend(connection, {
        from: toList(message.from as AddressLike)?.[0] ?? connection.from,
        to: toList(message.to as AddressLike) ?? [],
        cc: toList(message.cc as AddressLike),
        bcc: toList(message.bcc as AddressLike),
        replyTo: toList(message.replyTo as AddressLike),
        subject: String(message.subject ?? ''),
        ...(html ? { html } : {}),
        ...(text ? { text } : {}),
      } as CreateEmailOptions)
    },
  })
}
