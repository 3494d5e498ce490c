import { formatPrice } from '@/storefront/utilities/formatPrice'

export function Price({ amountCents, currency }: { amountCents: number; currency: string }) {
  return <span className="price">{formatPrice(amountCents, currency)}</span>
}
