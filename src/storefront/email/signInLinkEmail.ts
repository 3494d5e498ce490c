import type { RenderedEmail } from './templates'

import { renderShopEmail } from './templates'

/** The one-time sign-in link, in the layout every shop email shares. */
export function renderSignInLinkEmail(input: {
  storeName: string
  email: string
  link: string
  expiresInMinutes: number
  supportEmail?: string
}): RenderedEmail {
  return renderShopEmail({
    storeName: input.storeName,
    subject: `Your sign-in link for ${input.storeName}`,
    heading: 'Sign in with one click',
    paragraphs: [
      `Someone (we hope you) asked to sign in to ${input.storeName} as ${input.email} without a password.`,
      `The button below signs you in once, within ${input.expiresInMinutes} minutes. If you did not ask, ignore this email: nobody can sign in without it.`,
    ],
    button: { label: 'Sign in', href: input.link },
    footer: ['Do not forward this email: the link signs in whoever opens it first.'],
    supportEmail: input.supportEmail,
  })
}
