import type { Metadata } from 'next'

import Link from 'next/link'

export const metadata: Metadata = { title: 'Sign in with your link', referrer: 'no-referrer' }

type Args = { searchParams: Promise<{ token?: string; email?: string; failed?: string }> }

/**
 * Where an emailed sign-in link lands. The link is used only when the shopper presses the button
 * (a form post to the plugin's endpoint), never by opening the page: mail scanners that open links
 * cannot use it up.
 */
export default async function SignInLinkPage({ searchParams }: Args) {
  const { token, email, failed } = await searchParams
  const complete = typeof token === 'string' && typeof email === 'string' && failed !== '1'
  return (
    <section className="auth">
      <h1>Sign in with your link</h1>
      {complete ? (
        <form action="/api/sign-in-link/redeem" method="post" className="auth-form">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          <p>
            Signing in as <strong>{email}</strong>. The link works once.
          </p>
          <button type="submit">Sign in</button>
        </form>
      ) : (
        <div role="alert" className="notice">
          <p>
            This sign-in link no longer works: it was already used, is more than 15 minutes old, or
            was not copied whole.
          </p>
          <p>
            <Link className="action-link" href="/login#sign-in-link">
              Ask for a new link
            </Link>{' '}
            or sign in with your password.
          </p>
        </div>
      )}
    </section>
  )
}
