import type { CollectionConfig, Config } from 'payload'

import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from './types'

import { createProductsCollection } from './collections/products'
import { createPurchasesCollection } from './collections/purchases'
import { createStripeEventsCollection } from './collections/stripeEvents'
import { PRODUCTS_SLUG, PURCHASES_SLUG, STOREFRONT_QUEUE } from './constants'
import { createCheckoutEndpoint } from './endpoints/checkout'
import { createStripeWebhookEndpoint } from './endpoints/stripeWebhook'
import { queuePurchaseEmails } from './hooks/queuePurchaseEmails'
import {
  revalidateProductPagesAfterChange,
  revalidateProductPagesAfterDelete,
} from './hooks/revalidateProductPages'
import { verifyStripePriceOnPublish } from './hooks/verifyStripePriceOnPublish'
import { createSendPaymentFailedTask, createSendPurchaseReceiptTask } from './jobs/purchaseEmails'
import { resolveOptions } from './options'

export type {
  EmailConnection,
  StorefrontPluginOptions,
  StorefrontRoutes,
  StripeConnection,
} from './types'
export type { PurchaseDoc, PurchaseStatus } from './fulfilment/types'
export {
  PRODUCTS_SLUG,
  PURCHASES_SLUG,
  SEND_PAYMENT_FAILED_TASK,
  SEND_PURCHASE_RECEIPT_TASK,
  STOREFRONT_QUEUE,
  STRIPE_EVENTS_SLUG,
} from './constants'
export { PURCHASE_STATUSES } from './fulfilment/types'
export { StorefrontError, isStorefrontError } from './errors'
export { createResendEmailAdapter } from './email/resend'
export { fulfilReturningShopper } from './operations/fulfilReturningShopper'
export { getStorefrontOptions } from './options'
export { formatPrice } from './utilities/formatPrice'
export { safeCallbackPath } from './utilities/safeCallbackPath'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Appends hooks to a collection, keeping the ones that were already there. */
function appendHooks(collection: CollectionConfig, added: Partial<Hooks>): CollectionConfig {
  const hooks: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
  for (const [name, list] of Object.entries(added)) {
    hooks[name] = [...(hooks[name] ?? []), ...(list as unknown[])]
  }
  return { ...collection, hooks: hooks as Hooks }
}

function withBehaviour(
  collection: CollectionConfig,
  options: ResolvedStorefrontOptions,
): CollectionConfig {
  if (collection.slug === PRODUCTS_SLUG) {
    return appendHooks(collection, {
      beforeChange: [verifyStripePriceOnPublish(options.stripe)],
      afterChange: [revalidateProductPagesAfterChange(options.routes)],
      afterDelete: [revalidateProductPagesAfterDelete(options.routes)],
    })
  }
  if (collection.slug === PURCHASES_SLUG) {
    return appendHooks(collection, { afterChange: [queuePurchaseEmails] })
  }
  return collection
}

/**
 * Adds a shop for digital downloads to a Payload config:
 * `plugins: [storefront({ ... })]`.
 */
export const storefront =
  (pluginOptions: StorefrontPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const baseProducts = createProductsCollection(options)
    const products = options.overrideProductsCollection?.(baseProducts) ?? baseProducts
    const jobs = incomingConfig.jobs ?? {}

    // Collections and task definitions first and always, so the schema (and its migrations)
    // never depends on `disabled`.
    const config: Config = {
      ...incomingConfig,
      collections: [
        ...(incomingConfig.collections ?? []),
        products,
        createPurchasesCollection(options),
        createStripeEventsCollection(options),
      ],
      jobs: {
        ...jobs,
        tasks: [
          ...(jobs.tasks ?? []),
          createSendPurchaseReceiptTask(options),
          createSendPaymentFailedTask(options),
        ],
      },
      custom: { ...incomingConfig.custom, storefront: options },
    }
    if (options.disabled) return config

    const autoRun = options.jobsAutoRunCron
      ? [{ cron: options.jobsAutoRunCron, queue: STOREFRONT_QUEUE, limit: 20, silent: true }]
      : []
    const existingAutoRun = jobs.autoRun
    return {
      ...config,
      collections: config.collections?.map((collection) => withBehaviour(collection, options)),
      endpoints: [
        ...(config.endpoints ?? []),
        createCheckoutEndpoint(options),
        createStripeWebhookEndpoint(options),
      ],
      jobs: {
        ...config.jobs,
        autoRun:
          typeof existingAutoRun === 'function'
            ? async (payload) => [...(await existingAutoRun(payload)), ...autoRun]
            : [...(existingAutoRun ?? []), ...autoRun],
      },
    }
  }
