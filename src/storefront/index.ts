import type { CollectionConfig, Config } from 'payload'

import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from './types'

import { createProductsCollection } from './collections/createProductsCollection'
import { createPurchasesCollection } from './collections/createPurchasesCollection'
import { createStripeEventsCollection } from './collections/createStripeEventsCollection'
import { PRODUCTS_SLUG } from './utilities/PRODUCTS_SLUG'
import { PURCHASES_SLUG } from './utilities/PURCHASES_SLUG'
import { createCheckoutEndpoint } from './endpoints/createCheckoutEndpoint'
import { createStripeWebhookEndpoint } from './endpoints/createStripeWebhookEndpoint'
import { queuePurchaseEmails } from './hooks/queuePurchaseEmails'
import { revalidateProductPagesAfterChange } from './hooks/revalidateProductPagesAfterChange'
import { revalidateProductPagesAfterDelete } from './hooks/revalidateProductPagesAfterDelete'
import { verifyStripePriceOnPublish } from './hooks/verifyStripePriceOnPublish'
import { createSendPaymentFailedTask } from './jobs/createSendPaymentFailedTask'
import { createSendPurchaseReceiptTask } from './jobs/createSendPurchaseReceiptTask'
import { STOREFRONT_QUEUE } from './jobs/STOREFRONT_QUEUE'
import { resolveOptions } from './utilities/resolveOptions'

export type { StorefrontPluginOptions } from './types'
export { PRODUCTS_SLUG } from './utilities/PRODUCTS_SLUG'
export { PURCHASES_SLUG } from './utilities/PURCHASES_SLUG'
export { STRIPE_EVENTS_SLUG } from './utilities/STRIPE_EVENTS_SLUG'
export { createResendEmailAdapter } from './email/createResendEmailAdapter'
export { fulfilReturningShopper } from './fulfilment/fulfilReturningShopper'
export { formatPrice } from './utilities/formatPrice'
export { getStorefrontOptions } from './utilities/getStorefrontOptions'
export { safeCallbackPath } from './utilities/safeCallbackPath'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Appends hooks to a collection, keeping the ones that were already there. */
function appendHooks(collection: CollectionConfig, added: Partial<Hooks>): CollectionConfig {
  const hooks: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
  for (const [name, list] of Object.entries(added))
    hooks[name] = [...(hooks[name] ?? []), ...(list as unknown[])]
  return { ...collection, hooks: hooks as Hooks }
}

function withBehaviour(
  collection: CollectionConfig,
  options: ResolvedStorefrontOptions,
): CollectionConfig {
  if (collection.slug === PRODUCTS_SLUG) {
    return appendHooks(collection, {
      beforeChange: [verifyStripePriceOnPublish(options.stripe)],
      afterChange: [revalidateProductPagesAfterChange(options.productPaths)],
      afterDelete: [revalidateProductPagesAfterDelete(options.productPaths)],
    })
  }
  if (collection.slug === PURCHASES_SLUG)
    return appendHooks(collection, { afterChange: [queuePurchaseEmails] })
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
