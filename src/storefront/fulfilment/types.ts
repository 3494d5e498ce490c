/**
 * pending: checkout done, asynchronous payment (bank transfer) not settled yet
 * paid: the shopper may download; failed: the asynchronous payment failed
 * refunded / disputed / revoked: access has ended
 */
export const PURCHASE_STATUSES = [
  'pending',
  'paid',
  'failed',
  'refunded',
  'disputed',
  'revoked',
] as const

export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number]

/**
 * What a Stripe event did, as the ledger records it. `received` until handled; `failed` means the
 * shop could not apply it (Stripe retries); `rejected` means it never will (retrying cannot help);
 * `deferred` is a refund or dispute that arrived before its purchase existed: it is applied when
 * the purchase is created.
 */
export const EVENT_OUTCOMES = [
  'received',
  'processed',
  'ignored',
  'rejected',
  'failed',
  'deferred',
] as const

export type EventOutcome = (typeof EVENT_OUTCOMES)[number]

/** What handling one event decided, for the ledger. */
export type EventResult = {
  outcome: Exclude<EventOutcome, 'failed' | 'received'>
  /** A short sentence for support; never internals such as SQL. */
  note: string
  purchaseId?: number | string
  /** Kept on the ledger entry so a deferred refund or dispute finds its purchase later. */
  paymentIntentId?: null | string
}

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
  /** Why access ended when no staff member ended it (an early fraud warning). */
  statusReason?: null | string
  createdAt?: string
  receipt?: {
    status?: null | string
    sentAt?: null | string
    resendId?: null | string
    lastError?: null | string
  }
}
