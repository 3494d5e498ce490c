/**
 * The plugin's admin server components, referenced from its config by
 * `payload-plugin-storefront/rsc#Name` and resolved by `payload generate:importmap`.
 */
export { SalesPanel } from '../admin/SalesPanel'
