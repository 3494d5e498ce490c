export const PRODUCTS_SLUG = 'products'
