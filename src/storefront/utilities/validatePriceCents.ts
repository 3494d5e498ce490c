import type { NumberFieldSingleValidation } from 'payload'

export const validatePriceCents: NumberFieldSingleValidation = (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return 'Enter the price in the smallest currency unit as a whole number, e.g. 4900 for $49.00.'
  }
  return true
}
