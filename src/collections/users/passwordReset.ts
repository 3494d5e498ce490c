import type { IncomingAuthType, PayloadRequest } from 'payload'

import { getStorefrontOptions, renderShopEmail } from 'payload-plugin-storefront'

import { hasRole } from './hasRole'
import { STAFF_ROLES } from './roles'

/** How long a reset link works. Payload stores the expiry with the token. */
export const RESET_LINK_MINUTES = 60

/** The storefront's page that sets a new password from the emailed token. */
export const STOREFRONT_RESET_PATH = '/reset-password'

type ResetUser = { email?: string; roles?: null | readonly string[] }

/**
 * Where a reset link leads: shoppers to the storefront's page, staff to the admin's own reset
 * screen (they work there, and the storefront would sign them in to a shop they do not use).
 */
export function resetLinkFor({
  req,
  token,
  user,
}: {
  req: PayloadRequest
  token: string
  user: ResetUser
}): string {
  const { serverURL, routes } = req.payload.config
  const encoded = encodeURIComponent(token)
  return hasRole(user, ...STAFF_ROLES)
    ? `${serverURL}${routes.admin}/reset/${encoded}`
    : `${serverURL}${STOREFRONT_RESET_PATH}?token=${encoded}`
}

type HookArgs = { req?: PayloadRequest; token?: string; user?: ResetUser } | undefined

function renderResetEmail(args: HookArgs) {
  const { req, token, user } = args ?? {}
  // Payload always passes all three; the types make them optional.
  if (!req || !token || !user) throw new Error('A password reset email needs req, token and user.')
  const { storeName, supportEmail } = getStorefrontOptions(req.payload)
  return renderShopEmail({
    storeName,
    subject: `Reset your password at ${storeName}`,
    heading: 'Reset your password',
    paragraphs: [
      `Someone (we hope you) asked to reset the password of the ${storeName} account for ${user.email ?? 'this address'}.`,
      `The button below works once, for ${RESET_LINK_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
    ],
    button: { label: 'Choose a new password', href: resetLinkFor({ req, token, user }) },
    footer: ['You get this email because a password reset was requested on our site.'],
    supportEmail,
  })
}

/**
 * Payload's forgot-password operation with the shop's email: the same layout as receipts, the
 * right link for shoppers and staff, sent through the Resend adapter like every other email.
 */
export const forgotPassword: NonNullable<IncomingAuthType['forgotPassword']> = {
  expiration: RESET_LINK_MINUTES * 60 * 1000,
  generateEmailSubject: (args) => renderResetEmail(args).subject,
  generateEmailHTML: (args) => renderResetEmail(args).html,
}
