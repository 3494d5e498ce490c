import { formatPrice } from 'payload-plugin-storefront'

export function Price({ amountCents, currency }: { amountCents: number; currency: string }) {
  return <span className="price">{formatPrice(amountCents, currency)}</span>
}
