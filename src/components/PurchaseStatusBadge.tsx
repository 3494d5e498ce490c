import type { Purchase } from '@/payload-types'

const LABELS: Record<Purchase['status'], string> = {
  paid: 'Paid',
  pending: 'Payment processing',
  failed: 'Payment failed',
  refunded: 'Refunded',
  disputed: 'Disputed',
  revoked: 'Access revoked',
}

export function PurchaseStatusBadge({ status }: { status: Purchase['status'] }) {
  return <span className={`status status-${status}`}>{LABELS[status]}</span>
}
