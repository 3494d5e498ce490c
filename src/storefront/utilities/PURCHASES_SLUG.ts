export const PURCHASES_SLUG = 'purchases'
