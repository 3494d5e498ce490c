import type { Metadata } from 'next'

import Link from 'next/link'

export const metadata: Metadata = { title: 'Page not found' }

/** The shop's 404: for unknown products, purchases that are not yours and mistyped addresses. */
export default function NotFound() {
  return (
    <section className="message-page">
      <p className="message-code">404</p>
      <h1>We could not find that page</h1>
      <p>
        The product may have been taken off sale, or the address is mistyped. Your purchases are
        always in your account.
      </p>
      <p className="message-actions">
        <Link className="download-button" href="/products">
          Browse the products
        </Link>
        <Link href="/products/account">Your purchases</Link>
      </p>
    </section>
  )
}
