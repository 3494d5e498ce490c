import type { TextFieldSingleValidation } from 'payload'

export const validateCurrency: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && /^[a-z]{3}$/.test(value)
    ? true
    : 'Use a three-letter ISO currency code in lowercase, as Stripe does, e.g. "usd" or "eur".'
