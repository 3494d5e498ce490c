import type { Config } from 'payload'

import type { StorefrontPluginOptions } from './types'

import { createDownloadsCollection } from './collections/downloads'
import {
  createProductFilesCollection,
  withLargeUploads,
  withProductFileStorage,
} from './collections/productFiles'
import { createProductsCollection } from './collections/products'
import { createPurchasesCollection } from './collections/purchases'
import { createReconciliationRunsCollection } from './collections/reconciliationRuns'
import {
  createSignInLinkRequestsCollection,
  createSignInLinksCollection,
} from './collections/signInLinks'
import { createStripeEventsCollection } from './collections/stripeEvents'
import { withPurchasesOfUser, withStorefrontBehaviour } from './collectionBehaviour'
import { STOREFRONT_QUEUE } from './constants'
import { createCheckoutEndpoint } from './endpoints/checkout'
import { createHealthEndpoint } from './endpoints/health'
import { createReconcileEndpoint } from './endpoints/reconcile'
import {
  createRedeemSignInLinkEndpoint,
  createRequestSignInLinkEndpoint,
} from './endpoints/signInLink'
import { createStripeWebhookEndpoint } from './endpoints/stripeWebhook'
import { createSendPaymentFailedTask, createSendPurchaseReceiptTask } from './jobs/purchaseEmails'
import { createReconcileTask } from './jobs/reconcile'
import { createApplyStripeEventTask } from './jobs/stripeEvents'
import { resolveOptions } from './options'

export type {
  DisputeOptions,
  EarlyFraudWarningOptions,
  EmailConnection,
  HealthOptions,
  ProductFilesS3Options,
  ReconciliationOptions,
  StorefrontPluginOptions,
  RateLimit,
  SignInLinkOptions,
  StorefrontRoutes,
  StripeConnection,
} from './types'
export type { PurchaseDoc, PurchaseStatus } from './fulfilment/types'
export type { DownloadSummary, ProductFileSummary } from './operations/describeDownload'
export {
  ALLOW_UNCONFIRMED_PRICE,
  APPLY_STRIPE_EVENT_TASK,
  DOWNLOADS_SLUG,
  PRODUCT_FILES_SLUG,
  PRODUCTS_SLUG,
  PURCHASES_SLUG,
  RECONCILE_TASK,
  RECONCILIATION_RUNS_SLUG,
  SEND_PAYMENT_FAILED_TASK,
  SIGN_IN_LINK_REQUESTS_SLUG,
  SIGN_IN_LINKS_SLUG,
  SEND_PURCHASE_RECEIPT_TASK,
  STOREFRONT_QUEUE,
  STRIPE_EVENTS_SLUG,
} from './constants'
export { PURCHASE_STATUSES } from './fulfilment/types'
export { StorefrontError, isStorefrontError } from './errors'
export { createResendEmailAdapter } from './email/resend'
export { renderShopEmail } from './email/templates'
export type { EmailParagraph, RenderedEmail, ShopEmail } from './email/templates'
export {
  describeDownload,
  describeProductFile,
  downloadPathFor,
} from './operations/describeDownload'
export { fulfilReturningShopper } from './operations/fulfilReturningShopper'
export { reconcile, type ReconciliationRun } from './reconciliation/sweep'
export { requestSignInLink } from './operations/requestSignInLink'
export { releaseStalledJobs, runJobsWorker, type JobsWorkerOptions } from './jobs/worker'
export { stripeWebhookListener } from './endpoints/stripeWebhookListener'
export { getStorefrontOptions } from './options'
export { formatPrice } from './utilities/formatPrice'
export { safeCallbackPath } from './utilities/safeCallbackPath'

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
    const config: Config = withProductFileStorage(
      {
        ...incomingConfig,
        collections: [
          ...(incomingConfig.collections ?? []).map((collection) =>
            collection.slug === options.usersSlug ? withPurchasesOfUser(collection) : collection,
          ),
          products,
          createProductFilesCollection(options),
          createPurchasesCollection(options),
          createDownloadsCollection(options),
          createStripeEventsCollection(options),
          createSignInLinksCollection(options),
          createSignInLinkRequestsCollection(options),
          createReconciliationRunsCollection(options),
        ],
        upload: withLargeUploads(incomingConfig.upload, options),
        jobs: {
          ...jobs,
          tasks: [
            ...(jobs.tasks ?? []),
            createApplyStripeEventTask(options),
            createSendPurchaseReceiptTask(options),
            createSendPaymentFailedTask(options),
            createReconcileTask(options),
          ],
        },
        custom: { ...incomingConfig.custom, storefront: options },
      },
      options,
    )
    if (options.disabled) return config

    const autoRun = options.jobsAutoRunCron
      ? [{ cron: options.jobsAutoRunCron, queue: STOREFRONT_QUEUE, limit: 20, silent: true }]
      : []
    const existingAutoRun = jobs.autoRun
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            'payload-plugin-storefront/rsc#SalesPanel',
          ],
        },
      },
      collections: config.collections?.map((collection) =>
        withStorefrontBehaviour(collection, options),
      ),
      endpoints: [
        ...(config.endpoints ?? []),
        createCheckoutEndpoint(options),
        createStripeWebhookEndpoint(options),
        createRequestSignInLinkEndpoint(options),
        createRedeemSignInLinkEndpoint(options),
        createReconcileEndpoint(options),
        createHealthEndpoint(options),
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
