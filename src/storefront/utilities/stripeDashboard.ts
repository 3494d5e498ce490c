/** The Stripe dashboard has a test half and a live half; links must open the one the key is in. */
export type StripeMode = 'live' | 'test'

/** Live keys start sk_live_ / rk_live_; anything else (test keys, no key, the emulator) is test mode. */
export function stripeModeOf(secretKey: string | undefined): StripeMode {
  return secretKey && /^(sk|rk)_live_/.test(secretKey) ? 'live' : 'test'
}

const PAGES: Array<[prefix: string, page: string]> = [
  ['pi_', 'payments'],
  ['ch_', 'payments'],
  ['re_', 'refunds'],
  ['dp_', 'disputes'],
  ['evt_', 'events'],
  ['prod_', 'products'],
  ['price_', 'prices'],
  ['cus_', 'customers'],
]

/**
 * The dashboard page of a Stripe object, or null for an id that is not Stripe's (a comp grant).
 * Checkout Sessions have no page of their own: the dashboard's search finds their payment.
 */
export function stripeDashboardUrl(id: string, mode: StripeMode): null | string {
  const base = `https://dashboard.stripe.com${mode === 'test' ? '/test' : ''}`
  if (id.startsWith('cs_')) return `${base}/search?query=${encodeURIComponent(id)}`
  const page = PAGES.find(([prefix]) => id.startsWith(prefix))?.[1]
  return page ? `${base}/${page}/${encodeURIComponent(id)}` : null
}
