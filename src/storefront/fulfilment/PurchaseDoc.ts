import type { PurchaseStatus } from '../utilities/PURCHASE_STATUSES'

/** The purchase fields fulfilment reads; the plugin does not depend on an app's generated types. */
export type PurchaseDoc = {
  id: number | string
  user: number | string | { id: number | string; email?: string }
  customerEmail?: null | string
  product?: null | number | string | { id: number | string; title?: string }
  productSlug: string
  stripeSessionId: string
  stripePaymentIntentId?: null | string
  amountCents: number
  currency: string
  status: PurchaseStatus
  source: 'comp' | 'stripe'
  paidAt?: null | string
  receipt?: {
    status?: null | string
    sentAt?: null | string
    resendId?: null | string
    lastError?: null | string
  }
}
