import { formatPrice } from '@/storefront'

export function Price({ amountCents, currency }: { amountCents: number; currency: string }) {
  return <span className="price">{formatPrice(amountCents, currency)}</span>
}
