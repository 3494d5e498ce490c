import { minorUnitDigitsOf } from './currencies'

/**
 * Formats an amount in the currency's minor unit (cents for usd, yen for jpy) for display.
 * The minor-unit exponent comes from Intl, so zero-decimal currencies are not divided by 100.
 * Never throws: pages and receipts render stored values, and a value that is not a currency
 * (`xx<script>`) or not an amount shows as a plain number rather than taking the page down.
 */
export function formatPrice(amountMinor: number, currency: string, locale = 'en-US'): string {
  const amount = Number.isFinite(amountMinor) ? amountMinor : 0
  try {
    // Intl takes the code in either case and refuses (RangeError) anything that is not three
    // letters, and an unknown locale: both fall through to the plain form.
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
    return formatter.format(amount / 10 ** minorUnitDigitsOf(formatter))
  } catch {
    // not a currency code, or not a locale
  }
  return `${(amount / 100).toFixed(2)} (unknown currency)`
}
