/**
 * Formats an amount in the currency's minor unit (cents for usd, yen for jpy) for display.
 * The minor-unit exponent comes from Intl, so zero-decimal currencies are not divided by 100.
 */
export function formatPrice(amountMinor: number, currency: string, locale = 'en-US'): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  })
  const exponent = formatter.resolvedOptions().maximumFractionDigits ?? 2
  return formatter.format(amountMinor / 10 ** exponent)
}
