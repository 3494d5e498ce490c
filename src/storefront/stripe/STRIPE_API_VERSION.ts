/**
 * The Stripe API version every request is pinned to, in this one place.
 * It is the version the installed `stripe` SDK is typed for (its TS types accept only that string).
 * To upgrade deliberately: bump `stripe` in package.json, set this to the new SDK's
 * `ApiVersion` (node_modules/stripe/esm/apiVersion.js), read Stripe's changelog for the versions
 * in between, run the tests, and update the webhook endpoint's version in the Stripe dashboard.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const
