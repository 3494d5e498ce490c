import type { CollectionConfig, Config } from 'payload'

import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from './types'

import { createDownloadsCollection } from './collections/downloads'
import { createProductFilesCollection, withLargeUploads } from './collections/productFiles'
import { createProductsCollection } from './collections/products'
import { createPurchasesCollection } from './collections/purchases'
import { createStripeEventsCollection } from './collections/stripeEvents'
import { PRODUCT_FILES_SLUG, PRODUCTS_SLUG, PURCHASES_SLUG, STOREFRONT_QUEUE } from './constants'
import { createCheckoutEndpoint } from './endpoints/checkout'
import { createDownloadEndpoints } from './endpoints/download'
import { createStripeWebhookEndpoint } from './endpoints/stripeWebhook'
import {
  fillAssetFilenameFromUpload,
  followNewProductFileVersion,
  refuseDeletingProductFileInUse,
} from './hooks/productFiles'
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
export type { DownloadSummary } from './operations/describeDownload'
export {
  DOWNLOADS_SLUG,
  PRODUCT_FILES_SLUG,
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
export { describeDownload, downloadPathFor } from './operations/describeDownload'
export { fulfilReturningShopper } from './operations/fulfilReturningShopper'
export { releaseStalledJobs, runJobsWorker, type JobsWorkerOptions } from './jobs/worker'
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
    const withHooks = appendHooks(collection, {
      beforeValidate: [fillAssetFilenameFromUpload],
      beforeChange: [verifyStripePriceOnPublish(options.stripe)],
      afterChange: [revalidateProductPagesAfterChange(options.routes)],
      afterDelete: [revalidateProductPagesAfterDelete(options.routes)],
    })
    return {
      ...withHooks,
      endpoints: [...(withHooks.endpoints || []), ...createDownloadEndpoints(options)],
    }
  }
  if (collection.slug === PRODUCT_FILES_SLUG) {
    return appendHooks(collection, {
      afterChange: [followNewProductFileVersion],
      beforeDelete: [refuseDeletingProductFileInUse],
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
        createProductFilesCollection(options),
        createPurchasesCollection(options),
        createDownloadsCollection(options),
        createStripeEventsCollection(options),
      ],
      upload: withLargeUploads(incomingConfig.upload, options),
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
