/** What the seed and docs put in a Stripe price id that still has to be replaced. */
export const PLACEHOLDER_MARKER = 'REPLACE_ME'
