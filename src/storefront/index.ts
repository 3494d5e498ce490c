import type { Config } from 'payload'

import type { StorefrontPluginOptions } from './types'

import { createProductsCollection } from './collections/createProductsCollection'
import { revalidateProductPagesAfterChange, revalidateProductPagesAfterDelete } from './hooks/revalidateProductPages'
import { resolveOptions } from './utilities/resolveOptions'

export type { StorefrontPluginOptions } from './types'
export { PRODUCTS_SLUG } from './collections/createProductsCollection'
export { formatPrice } from './utilities/formatPrice'

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
        collection.slug !== products.slug
          ? collection
          : {
              ...collection,
              hooks: {
                ...collection.hooks,
                afterChange: [...(collection.hooks?.afterChange ?? []), revalidateProductPagesAfterChange(options.productPaths)],
                afterDelete: [...(collection.hooks?.afterDelete ?? []), revalidateProductPagesAfterDelete(options.productPaths)],
              },
            },
      ),
    }
  }
