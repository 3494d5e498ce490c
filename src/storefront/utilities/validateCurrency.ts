import type { TextFieldSingleValidation } from 'payload'

import { CURRENCY_PATTERN } from './CURRENCY_PATTERN'

export const validateCurrency: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && CURRENCY_PATTERN.test(value)
    ? true
    : 'Use a three-letter ISO currency code in lowercase, as Stripe does, e.g. "usd" or "eur".'
