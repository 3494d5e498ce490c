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
