import type { EmulatorPriceSpec, StripeEmulatorOptions } from './types'

/** The prices src/seed/demoData.ts gives the demo products, so the seeded shop can sell offline. */
const DEMO_PRICES: EmulatorPriceSpec[] = [
  {
    id: 'price_demo_workflow_templates',
    unitAmount: 4900,
    currency: 'usd',
    productName: 'Workflow Templates',
  },
  {
    id: 'price_demo_discovery_toolkit',
    unitAmount: 2900,
    currency: 'usd',
    productName: 'Discovery Toolkit',
  },
]

export type ResolvedEmulatorOptions = Required<
  Omit<StripeEmulatorOptions, 'webhookUrl' | 'port' | 'host' | 'transcript'>
> & {
  webhookUrl: string | null
  transcript: StripeEmulatorOptions['transcript'] | null
}

/** Defaults in one place; publicUrl needs the port the server actually got, so this runs after listen. */
export function resolveEmulatorOptions(
  options: StripeEmulatorOptions,
  port: number,
): ResolvedEmulatorOptions {
  return {
    webhookSecret: options.webhookSecret,
    webhookUrl: options.webhookUrl ?? null,
    publicUrl: (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    // The configured prices come on top of the demo prices; the same id replaces a demo price.
    prices: [
      ...DEMO_PRICES.filter((demo) => !options.prices?.some((price) => price.id === demo.id)),
      ...(options.prices ?? []),
    ],
    asyncPaymentDelayMs: options.asyncPaymentDelayMs ?? 3000,
    // Stripe retries for days in live mode; these are a short, visible version of the same backoff.
    retryDelaysMs: options.retryDelaysMs ?? [5_000, 30_000, 120_000, 600_000],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    enabledEvents: options.enabledEvents ?? ['*'],
    log: options.log ?? (() => {}),
    transcript: options.transcript ?? null,
  }
}
