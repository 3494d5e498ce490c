/** A currency code Intl can format: three letters (Stripe writes them lowercase). */
const CURRENCY_CODE = /^[a-zA-Z]{3}$/

/**
 * Formats an amount in the currency's minor unit (cents for usd, yen for jpy) for display.
 * The minor-unit exponent comes from Intl, so zero-decimal currencies are not divided by 100.
 * Never throws: pages and receipts render stored values, and a value that is not a currency
 * (`xx<script>`) or not an amount shows as a plain number rather than taking the page down.
 */
export function formatPrice(amountMinor: number, currency: string, locale = 'en-US'): string {
  const amount = Number.isFinite(amountMinor) ? amountMinor : 0
  if (typeof currency === 'string' && CURRENCY_CODE.test(currency)) {
    try {
      const formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: currency.toUpperCase(),
      })
      const exponent = formatter.resolvedOptions().maximumFractionDigits ?? 2
      return formatter.format(amount / 10 ** exponent)
    } catch {
      // An unknown locale: fall through to the plain form.
    }
  }
  return `${(amount / 100).toFixed(2)} (unknown currency)`
}
