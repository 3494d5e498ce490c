'use client'

import { useSearchParams } from 'next/navigation'

/** Shown on the product page when Stripe Checkout sends the shopper back with ?canceled=1. */
export function CanceledCheckoutNotice() {
  const canceled = useSearchParams().get('canceled') === '1'
  if (!canceled) return null
  return (
    <p role="status" className="notice">
      Checkout canceled. You were not charged; buy whenever you are ready.
    </p>
  )
}
