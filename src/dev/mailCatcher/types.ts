/**
 * Shapes shared by the mail catcher's files. Field names follow Resend's wire format
 * (snake_case), so what the JSON list returns reads like what the SDK sent.
 */

export type CaughtAttachment = {
  filename: string | null
  content_type: string | null
  /** Remote attachments are recorded, never fetched: the catcher makes no outgoing requests. */
  path: string | null
  /** Decoded size of inline `content`, null for `path` attachments. */
  size: number | null
}

/** One email accepted by `POST /emails`. */
export type CaughtEmail = {
  id: string
  from: string
  to: string[]
  cc: string[]
  bcc: string[]
  reply_to: string[]
  subject: string
  html: string | null
  text: string | null
  headers: Record<string, string>
  tags: { name: string; value: string }[]
  attachments: CaughtAttachment[]
  /** Recorded as sent; the catcher delivers nothing, so there is nothing to schedule. */
  scheduled_at: string | null
  /** Set when the send used a Resend template instead of html/text. */
  template: { id: string; variables: Record<string, unknown> } | null
  /** ISO 8601. */
  created_at: string
  idempotency_key: string | null
}

export type MailCatcherOptions = {
  /** TCP port; 0 picks a free one (tests). @default 0 */
  port?: number
  /** Interface to bind. @default '127.0.0.1' */
  host?: string
  /** Receives one line per accepted email and per injected failure. @default silent */
  log?: (message: string) => void
  /**
   * Clock for created_at and the 24-hour idempotency window; tests pass a fake one to cross
   * the window without waiting. @default () => new Date()
   */
  now?: () => Date
  /**
   * Sender domains the pretend Resend account has verified; a `from` on any other domain is
   * refused with Resend's 403. Exact domains, as Resend verifies them (a verified subdomain does
   * not cover its parent). @default MAIL_CATCHER_VERIFIED_DOMAINS (comma-separated), else
   * ['example.com'], the domain of the shop's offline EMAIL_FROM default
   */
  verifiedDomains?: string[]
  /**
   * The account owner's sign-up address: the only recipient Resend lets the shared `resend.dev`
   * test domain send to (besides Resend's own test addresses). @default 'owner@example.com'
   */
  accountEmail?: string
  /**
   * Told every API request with its answer; clear() does not stop it. For checking the bodies the
   * shop sends against Resend's published API description over a whole test run.
   */
  transcript?: (entry: MailTranscriptEntry) => void
}

/** One Resend API request the catcher answered. */
export type MailTranscriptEntry = {
  method: string
  /** Normalised, without the query string. */
  path: string
  /** The JSON body as sent, parsed; null when there was none or it was not JSON. */
  body: unknown
  idempotencyKey: string | null
  status: number
  /** The JSON the catcher answered. */
  response: unknown
}

export type MailCatcher = {
  /** Base URL for the SDK, without a trailing slash: set RESEND_BASE_URL to this. */
  url: string
  port: number
  /** Stops listening and drops open keep-alive connections, so tests end promptly. */
  close: () => Promise<void>
  /** Received mail, newest first. */
  messages: () => CaughtEmail[]
  /** Forgets mail, idempotency keys and pending failures: a fresh catcher for the next test. */
  clear: () => void
  /** The next `count` sends fail with `status` (default 500) and a Resend-shaped error body. */
  failNext: (count: number, status?: number) => void
  /** The sender domains this catcher accepts (the option, the env var or the default). */
  verifiedDomains: string[]
}
