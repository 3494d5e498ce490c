import type { StripeEmulatorOptions } from './types'

export type ResolvedEmulatorOptions = Required<
  Omit<StripeEmulatorOptions, 'webhookUrl' | 'prices' | 'port' | 'host'>
> & {
  webhookUrl: string | null
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
    asyncPaymentDelayMs: options.asyncPaymentDelayMs ?? 3000,
    // Stripe retries for days in live mode; these are a short, visible version of the same backoff.
    retryDelaysMs: options.retryDelaysMs ?? [5_000, 30_000, 120_000, 600_000],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    enabledEvents: options.enabledEvents ?? ['*'],
    log: options.log ?? (() => {}),
  }
}
