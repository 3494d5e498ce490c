import { type ResendErrorBody, resendError } from './resendError'

/** Resend's shared test domain: anyone may send from it, but only to themselves. */
const RESEND_TEST_DOMAIN = 'resend.dev'
/** Resend's test recipients (https://resend.com/docs/dashboard/emails/send-test-emails), with an optional +label. */
const RESEND_TEST_RECIPIENT = /^(delivered|bounced|complained|suppressed)(\+[^@]*)?@resend\.dev$/i

export type SenderPolicy = { verifiedDomains: string[]; accountEmail: string }

/** `Shop <shop@example.com>` → `shop@example.com`; a bare address stays as it is. */
function bareAddress(address: string): string {
  return (/<\s*([^<>\s]+)\s*>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase()
}

function domainOf(address: string): string {
  return bareAddress(address).split('@').pop() ?? ''
}

/** The verified domains from MAIL_CATCHER_VERIFIED_DOMAINS (`a.com, b.org`); undefined when unset or empty. */
export function verifiedDomainsFromEnv(env: NodeJS.ProcessEnv): string[] | undefined {
  const domains = (env.MAIL_CATCHER_VERIFIED_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean)
  return domains.length > 0 ? domains : undefined
}

/**
 * Resend's sender rules, so a shop configured with a sender it could not use live fails the same
 * way offline: a `from` on a domain the account has not verified is refused with 403
 * `validation_error` and Resend's message, and the shared `resend.dev` domain may only write to the
 * account owner (and Resend's test addresses). Both texts are Resend's, as its API returns them.
 */
export function senderError(
  policy: SenderPolicy,
  email: { from: string; to: string[]; cc: string[]; bcc: string[] },
): ResendErrorBody | null {
  // A template send may leave `from` to the template, which the catcher cannot see.
  if (email.from === '') return null
  const domain = domainOf(email.from)
  if (domain === RESEND_TEST_DOMAIN) {
    const owner = policy.accountEmail.toLowerCase()
    const strangers = [...email.to, ...email.cc, ...email.bcc]
      .map(bareAddress)
      .filter((recipient) => recipient !== owner && !RESEND_TEST_RECIPIENT.test(recipient))
    if (strangers.length === 0) return null
    return resendError({
      statusCode: 403,
      name: 'validation_error',
      message: `You can only send testing emails to your own email address (${policy.accountEmail}). To send emails to other recipients, please verify a domain at resend.com/domains, and change the \`from\` address to an email using this domain.`,
    })
  }
  if (policy.verifiedDomains.some((verified) => verified.toLowerCase() === domain)) return null
  return resendError({
    statusCode: 403,
    name: 'validation_error',
    message: `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`,
  })
}
