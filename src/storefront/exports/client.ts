/**
 * The plugin's admin client components, referenced from its collection configs by
 * `payload-plugin-storefront/client#Name` and resolved by `payload generate:importmap`.
 */
export { MoneyCell } from '../admin/MoneyCell'
export { MoneyField } from '../admin/MoneyField'
export { SlugField } from '../admin/SlugField'
export { ReadOnlyText } from '../admin/ReadOnlyText'
export { StripeLink } from '../admin/StripeLink'
export { StripeEventTypeCell, StripeEventTypeField } from '../admin/StripeEventType'
export { PurchaseActions } from '../admin/PurchaseActions'
export { StaffActionLog } from '../admin/StaffActionLog'
export { PublishProblems } from '../admin/PublishProblems'
export { ReconcileNow } from '../admin/ReconcileNow'
export { ReplayStripeEvent } from '../admin/ReplayStripeEvent'
export { DisputeEvidence } from '../admin/DisputeEvidence'
