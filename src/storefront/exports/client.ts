/**
 * The plugin's admin client components, referenced from its collection configs by
 * `payload-plugin-storefront/client#Name` and resolved by `payload generate:importmap`.
 */
export { MoneyCell } from '../admin/MoneyCell'
export { MoneyField } from '../admin/MoneyField'
export { SlugField } from '../admin/SlugField'
