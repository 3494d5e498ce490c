'use client'

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'

import { FormError } from './FormError'

type Props = {
  productSlug: string
  /** The button's words; "Buy" unless the shopper is choosing a second copy. */
  label?: string
  /**
   * Start checkout as soon as the button appears: the shopper pressed Buy before signing in,
   * and the sign-in brought them back with that intent.
   */
  autoStart?: boolean
  /** Where the browser goes next; injectable for tests. */
  navigate?: (url: string) => void
}

type CheckoutResponse = { url?: string; loginUrl?: string; error?: string }

const goTo = (url: string) => window.location.assign(url)

/**
 * The sign-in page the server names, marked as "signing in to buy": the page then says so, and
 * after signing in checkout starts by itself. The server's URL (a contract) is kept as it is.
 */
export function withBuyIntent(loginUrl: string): string {
  return `${loginUrl}${loginUrl.includes('?') ? '&' : '?'}intent=buy`
}

/**
 * Starts Stripe Checkout for one product. A real form post to /api/checkout (which answers 303)
 * so it works without JavaScript; with JavaScript it posts JSON, shows progress and errors inline.
 */
export function BuyButton({
  productSlug,
  label = 'Buy',
  autoStart = false,
  navigate = goTo,
}: Props) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const started = useRef(false)

  const startCheckout = useCallback(async () => {
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
      const next = response.ok
        ? body.url
        : response.status === 401 && body.loginUrl
          ? withBuyIntent(body.loginUrl)
          : undefined
      if (next) return navigate(next) // stay "pending" while the browser leaves
      setError(body.error ?? 'Checkout could not start. Please try again.')
    } catch {
      setError('Could not reach the shop. Check your connection and try again.')
    }
    setPending(false)
  }, [navigate, productSlug])

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (!autoStart || started.current) return
    started.current = true
    void startCheckout()
  }, [autoStart, startCheckout])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void startCheckout()
  }

  return (
    <form action="/api/checkout" method="post" className="buy-form" onSubmit={onSubmit}>
      <input type="hidden" name="productSlug" value={productSlug} />
      <button type="submit" className="buy-button" disabled={pending} aria-busy={pending}>
        {pending ? 'Preparing checkout…' : label}
      </button>
      <FormError message={error} />
    </form>
  )
}
