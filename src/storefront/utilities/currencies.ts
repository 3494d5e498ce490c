/**
 * The currencies an editor can price a product in: those Stripe settles card payments in that a
 * shop is most likely to use (https://docs.stripe.com/currencies), as Stripe writes them.
 */
export const PRODUCT_CURRENCIES = [
  { value: 'usd', label: 'USD — US dollar' },
  { value: 'eur', label: 'EUR — Euro' },
  { value: 'gbp', label: 'GBP — British pound' },
  { value: 'cad', label: 'CAD — Canadian dollar' },
  { value: 'aud', label: 'AUD — Australian dollar' },
  { value: 'nzd', label: 'NZD — New Zealand dollar' },
  { value: 'chf', label: 'CHF — Swiss franc' },
  { value: 'sek', label: 'SEK — Swedish krona' },
  { value: 'nok', label: 'NOK — Norwegian krone' },
  { value: 'dkk', label: 'DKK — Danish krone' },
  { value: 'pln', label: 'PLN — Polish złoty' },
  { value: 'jpy', label: 'JPY — Japanese yen' },
  { value: 'sgd', label: 'SGD — Singapore dollar' },
  { value: 'hkd', label: 'HKD — Hong Kong dollar' },
  { value: 'inr', label: 'INR — Indian rupee' },
  { value: 'brl', label: 'BRL — Brazilian real' },
  { value: 'mxn', label: 'MXN — Mexican peso' },
] as const

/** Digits after the decimal point in a currency formatter's minor unit (2 for usd, 0 for jpy). */
export function minorUnitDigitsOf(formatter: Intl.NumberFormat): number {
  // Always set for style 'currency'; the type allows undefined.
  return formatter.resolvedOptions().maximumFractionDigits as number
}

/**
 * Digits after the decimal point in `currency`'s minor unit (2 for usd, 0 for jpy), from Intl, as
 * formatPrice uses it; 2 for a code Intl cannot format.
 */
export function minorUnitDigits(currency: string): number {
  try {
    return minorUnitDigitsOf(new Intl.NumberFormat('en-US', { style: 'currency', currency }))
  } catch {
    return 2
  }
}

/** "49.00" (or "49", "49.5") in `currency` → 4900 in the minor unit; null when it is not an amount. */
export function parseMoney(text: string, currency: string): null | number {
  const digits = minorUnitDigits(currency)
  const trimmed = text.trim().replace(/,/g, '')
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(?:\\.\\d{1,${digits}})?$`)
  if (!pattern.test(trimmed)) return null
  const [whole, fraction = ''] = trimmed.split('.')
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0)
}

/** 4900 → "49.00" for an input box (no currency sign, no grouping). */
export function formatMoneyInput(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  return (amountMinor / 10 ** digits).toFixed(digits)
}
