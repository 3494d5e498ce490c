'use client'

import { type FormEvent, useState } from 'react'

type Props = {
  productSlug: string
  /** Where the browser goes next; injectable for tests. */
  navigate?: (url: string) => void
}

type CheckoutResponse = { url?: string; loginUrl?: string; error?: string }

const goTo = (url: string) => window.location.assign(url)

/**
 * Starts Stripe Checkout for one product. A real form post to /api/checkout (which answers 303)
 * so it works without JavaScript; with JavaScript it posts JSON, shows progress and errors inline.
 */
export function BuyButton({ productSlug, navigate = goTo }: Props) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      const response = await fetch('/api/checkout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ productSlug }),
      })
      const body = (await response.json().catch(() => ({}))) as CheckoutResponse
      const next = response.ok ? body.url : response.status === 401 ? body.loginUrl : undefined
      if (next) return navigate(next) // stay "pending" while the browser leaves
      setError(body.error ?? 'Checkout could not start. Please try again.')
    } catch {
      setError('Could not reach the shop. Check your connection and try again.')
    }
    setPending(false)
  }

  return (
    <form action="/api/checkout" method="post" className="buy-form" onSubmit={onSubmit}>
      <input type="hidden" name="productSlug" value={productSlug} />
      <button type="submit" className="buy-button" disabled={pending} aria-busy={pending}>
        {pending ? 'Preparing checkout…' : 'Buy'}
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </form>
  )
}
