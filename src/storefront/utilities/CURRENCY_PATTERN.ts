/** A currency as Stripe writes it: a three-letter ISO code in lowercase. */
export const CURRENCY_PATTERN = /^[a-z]{3}$/
