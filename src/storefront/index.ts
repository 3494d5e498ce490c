import type { CollectionConfig, Config } from 'payload'

import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from './types'

import { createProductsCollection } from './collections/createProductsCollection'
import { createCheckoutEndpoint } from './endpoints/createCheckoutEndpoint'
import { revalidateProductPagesAfterChange, revalidateProductPagesAfterDelete } from './hooks/revalidateProductPages'
import { verifyStripePriceOnPublish } from './hooks/verifyStripePriceOnPublish'
import { resolveOptions } from './utilities/resolveOptions'

export type { StorefrontPluginOptions } from './types'
export { PRODUCTS_SLUG } from './collections/PRODUCTS_SLUG'
export { formatPrice } from './utilities/formatPrice'
export { safeCallbackPath } from './utilities/safeCallbackPath'

/** Appends the plugin's behaviour to its products collection, keeping hooks that were already there. */
function withProductHooks(collection: CollectionConfig, options: ResolvedStorefrontOptions): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), verifyStripePriceOnPublish(options.stripe)],
      afterChange: [...(hooks.afterChange ?? []), revalidateProductPagesAfterChange(options.productPaths)],
      afterDelete: [...(hooks.afterDelete ?? []), revalidateProductPagesAfterDelete(options.productPaths)],
    },
  }
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

    // Collections first and always, so the schema (and its migrations) never depends on `disabled`.
    const config: Config = { ...incomingConfig, collections: [...(incomingConfig.collections ?? []), products] }
    if (options.disabled) return config

    return {
      ...config,
      collections: config.collections?.map((collection) =>
        collection.slug === products.slug ? withProductHooks(collection, options) : collection,
      ),
      endpoints: [...(config.endpoints ?? []), createCheckoutEndpoint(options)],
    }
  }
