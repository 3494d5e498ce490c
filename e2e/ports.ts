/**
 * Where `npm run start:offline` (src/dev/serveProduction.ts) serves the shop and its stand-ins:
 * the same variables, the same defaults, so two runs on one machine can use different ports.
 */
export const APP_PORT = process.env.PORT || '3100'
export const STRIPE_EMULATOR_PORT = process.env.STRIPE_EMULATOR_PORT || '12121'
export const MAIL_CATCHER_PORT = process.env.MAIL_CATCHER_PORT || '12122'
