/**
 * The Stripe emulator on its own: `npx tsx src/dev/stripeEmulator/run.ts`.
 * Point the shop at it with the real SDK (host 127.0.0.1, this port, protocol http) and the same
 * STRIPE_WEBHOOK_SECRET; it posts signed events to the shop's webhook endpoint.
 */
import { DEV_STRIPE_WEBHOOK_SECRET } from '../../devDefaults'
import { createStripeEmulator } from './createStripeEmulator'

// Empty values from a .env file mean "unset", as in src/env.ts.
const port = Number(process.env.STRIPE_EMULATOR_PORT || 12111)
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || DEV_STRIPE_WEBHOOK_SECRET
const serverUrl = (process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(
  /\/+$/,
  '',
)

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(
    `STRIPE_EMULATOR_PORT must be a port number between 1 and 65535, got '${process.env.STRIPE_EMULATOR_PORT}'.`,
  )
  process.exit(1)
}

const emulator = await createStripeEmulator({
  port,
  webhookSecret,
  webhookUrl: `${serverUrl}/api/stripe/webhook`,
  log: (line) => console.log(`[stripe emulator] ${line}`),
})

console.log(
  `[stripe emulator] API on ${emulator.url} (any sk_test_ key), checkout pages on ${emulator.publicUrl}/checkout/<session id>`,
)
console.log(
  `[stripe emulator] webhooks → ${serverUrl}/api/stripe/webhook, signed with ${webhookSecret === DEV_STRIPE_WEBHOOK_SECRET ? 'the dev default secret' : 'STRIPE_WEBHOOK_SECRET'}`,
)
console.log(`[stripe emulator] events, deliveries and requests: ${emulator.url}/_emulator`)

async function shutdown(): Promise<void> {
  await emulator.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
