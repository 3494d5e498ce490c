'use client'

import Link from 'next/link'

/** When a storefront page fails: say so plainly, offer to try again and a way back. */
export default function StorefrontError({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <section className="message-page" role="alert">
      <p className="message-code">Error</p>
      <h1>Something went wrong on our side</h1>
      <p>
        Nothing was charged because of this. Try again in a moment; if it keeps happening, write to
        us and mention the reference below.
      </p>
      {error.digest ? <p className="file-info">Reference: {error.digest}</p> : null}
      <p className="message-actions">
        <button type="button" className="buy-button" onClick={reset}>
          Try again
        </button>
        <Link href="/products">Back to the products</Link>
      </p>
    </section>
  )
}
