/**
 * Development defaults that the app's environment (src/env.ts) and the offline stand-ins (src/dev)
 * must agree on. Kept outside src/dev so that code which ships never imports src/dev, and free of
 * side effects so the dev scripts can import it without validating the environment.
 */

/**
 * The webhook secret the offline Stripe emulator and the shop share when STRIPE_WEBHOOK_SECRET is
 * unset (development only; production requires the real one).
 */
export const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_dev_only_emulator_secret'

/** The one database the embedded PostgreSQL serves in development. */
export const EMBEDDED_DATABASE_NAME = 'storefront'

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE_NAME): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
}
