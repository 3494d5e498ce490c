import type { AdminViewServerProps } from 'payload'

import Link from 'next/link'
import { formatAdminURL } from 'payload/shared'

/**
 * The admin's "not allowed" page, for customers who open /admin: the admin is for staff, so say
 * so and send them back to the shop (or let them sign out), instead of a dead end.
 */
export function ShopUnauthorizedView({ initPageResult }: AdminViewServerProps) {
  const { req } = initPageResult
  const { config } = req.payload
  const signedIn = Boolean(req.user)
  const logout = formatAdminURL({
    adminRoute: config.routes.admin,
    path: config.admin.routes.logout,
  })
  return (
    <div style={{ maxWidth: '32rem', margin: '4rem auto', padding: '0 1.5rem' }}>
      <h1>The admin is for the shop&apos;s staff</h1>
      <p>
        {signedIn
          ? 'You are signed in with a shopper account. Your purchases and downloads are in the shop.'
          : 'You are not allowed to see this page.'}
      </p>
      <p style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'center' }}>
        <Link className="btn btn--style-primary btn--size-large" href="/products/account">
          Back to the shop
        </Link>
        <a href={logout}>Sign out</a>
      </p>
    </div>
  )
}
