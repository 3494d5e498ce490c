import type Stripe from 'stripe'

import type { PurchaseStatus } from '../utilities/PURCHASE_STATUSES'

/** A completed session is paid, or pending while an asynchronous method (bank debit) settles. */
export function purchaseStatusForSession(session: Stripe.Checkout.Session): PurchaseStatus {
  return session.payment_status === 'unpaid' ? 'pending' : 'paid'
}
