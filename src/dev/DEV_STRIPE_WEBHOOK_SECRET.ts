/**
 * The webhook secret the offline Stripe emulator and the shop share when STRIPE_WEBHOOK_SECRET is
 * unset (development only; production requires the real one).
 */
export const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_dev_only_emulator_secret'
