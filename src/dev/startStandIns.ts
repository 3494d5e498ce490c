import { DEV_STRIPE_WEBHOOK_SECRET } from '../devDefaults'
import { createMailCatcher } from './mailCatcher'
import { createStripeEmulator } from './stripeEmulator'

export type StandIns = { env: Record<string, string>; stop: () => Promise<void> }

/**
 * Offline stand-ins for the services whose keys are missing: the Stripe emulator when
 * STRIPE_SECRET_KEY is unset, the mail catcher when RESEND_API_KEY is unset. Returns the
 * environment that points the real SDKs at them; with real keys set, nothing starts.
 */
export async function startStandIns(source: NodeJS.ProcessEnv): Promise<StandIns> {
  const env: Record<string, string> = {}
  const stops: Array<() => Promise<void>> = []
  const serverUrl = (source.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(/\/+$/, '')

  if (!source.STRIPE_SECRET_KEY) {
    const webhookSecret = source.STRIPE_WEBHOOK_SECRET || DEV_STRIPE_WEBHOOK_SECRET
    const stripe = await createStripeEmulator({
      port: Number(source.STRIPE_EMULATOR_PORT || 12111),
      webhookSecret,
      webhookUrl: `${serverUrl}/api/stripe/webhook`,
      log: (line) => console.log(`[stripe emulator] ${line}`),
    })
    Object.assign(env, {
      STRIPE_SECRET_KEY: 'sk_test_offline_emulator',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripe.port),
      STRIPE_API_PROTOCOL: 'http',
    })
    stops.push(() => stripe.close())
    console.log(
      `[stripe emulator] Stripe API and checkout pages on ${stripe.publicUrl} (events: ${stripe.url}/_emulator/events)`,
    )
  }

  if (!source.RESEND_API_KEY) {
    const mail = await createMailCatcher({
      port: Number(source.MAIL_CATCHER_PORT || 12112),
      log: (line) => console.log(`[mail catcher] ${line}`),
    })
    Object.assign(env, { RESEND_API_KEY: 're_offline_mail_catcher', RESEND_BASE_URL: mail.url })
    stops.push(() => mail.close())
    console.log(`[mail catcher] Received mail: ${mail.url}`)
  }

  return { env, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) }
}
