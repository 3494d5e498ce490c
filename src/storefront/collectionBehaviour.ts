import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedStorefrontOptions } from './types'

import { PRODUCT_FILES_SLUG, PRODUCTS_SLUG, PURCHASES_SLUG, STRIPE_EVENTS_SLUG } from './constants'
import { createDownloadEndpoints } from './endpoints/download'
import { createReplayStripeEventEndpoint } from './endpoints/replayStripeEvent'
import { createStaffActionEndpoints } from './endpoints/staffActions'
import { refuseDeletingCustomerWithPurchases } from './hooks/customers'
import { priceProductOnPublish } from './hooks/priceProductOnPublish'
import {
  fillAssetFilenameFromUpload,
  followNewProductFileVersion,
  refuseDeletingProductFileInUse,
  removeUploadTempFile,
} from './hooks/productFiles'
import { queuePurchaseEmails } from './hooks/queuePurchaseEmails'
import { reportFieldErrors } from './hooks/reportFieldErrors'
import {
  revalidateProductPagesAfterChange,
  revalidateProductPagesAfterDelete,
} from './hooks/revalidateProductPages'
import { productFileStoreFor } from './storage/productFiles'

/**
 * What the plugin attaches to collections once they exist (part of composing the plugin, with
 * index.ts): hooks and endpoints on its own collections, the purchases join on the app's users.
 */
type Hooks = NonNullable<CollectionConfig['hooks']>

/** Appends hooks to a collection, keeping the ones that were already there. */
function appendHooks(collection: CollectionConfig, added: Partial<Hooks>): CollectionConfig {
  const hooks: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
  for (const [name, list] of Object.entries(added)) {
    hooks[name] = [...(hooks[name] ?? []), ...(list as unknown[])]
  }
  return { ...collection, hooks: hooks as Hooks }
}

/**
 * A customer's page in the admin lists their purchases (their own access rules apply), and a
 * customer with purchases cannot be deleted.
 */
export function withPurchasesOfUser(users: CollectionConfig): CollectionConfig {
  const withHooks = appendHooks(users, { beforeDelete: [refuseDeletingCustomerWithPurchases] })
  return {
    ...withHooks,
    fields: [
      ...withHooks.fields,
      {
        name: 'purchases',
        type: 'join',
        collection: PURCHASES_SLUG as CollectionSlug,
        on: 'user',
        defaultSort: '-createdAt',
        defaultLimit: 20,
        admin: {
          allowCreate: false,
          defaultColumns: ['title', 'status', 'amountCents', 'receipt.status', 'createdAt'],
        },
      },
    ],
  }
}

/** The hooks and endpoints the plugin adds to its own collections, after any the app set. */
export function withStorefrontBehaviour(
  collection: CollectionConfig,
  options: ResolvedStorefrontOptions,
): CollectionConfig {
  if (collection.slug === PRODUCTS_SLUG) {
    const withHooks = appendHooks(collection, {
      beforeValidate: [fillAssetFilenameFromUpload],
      beforeChange: [
        priceProductOnPublish({ stripe: options.stripe, store: productFileStoreFor(options) }),
      ],
      afterChange: [revalidateProductPagesAfterChange(options.routes)],
      afterDelete: [revalidateProductPagesAfterDelete(options.routes)],
      afterError: [reportFieldErrors],
    })
    return {
      ...withHooks,
      endpoints: [...(withHooks.endpoints || []), ...createDownloadEndpoints(options)],
    }
  }
  if (collection.slug === PRODUCT_FILES_SLUG) {
    return appendHooks(collection, {
      afterChange: [followNewProductFileVersion, removeUploadTempFile],
      beforeDelete: [refuseDeletingProductFileInUse],
    })
  }
  if (collection.slug === STRIPE_EVENTS_SLUG) {
    return {
      ...collection,
      endpoints: [...(collection.endpoints || []), createReplayStripeEventEndpoint(options)],
    }
  }
  if (collection.slug === PURCHASES_SLUG) {
    const withHooks = appendHooks(collection, { afterChange: [queuePurchaseEmails] })
    return {
      ...withHooks,
      endpoints: [...(withHooks.endpoints || []), ...createStaffActionEndpoints(options)],
    }
  }
  return collection
}
