import type { CollectionConfig } from 'payload'

export type StorefrontPluginOptions = {
  /**
   * Turns the plugin's behaviour off (hooks, endpoints) while still adding its collections,
   * so the database schema and migrations stay the same whether it is on or off.
   * @default false
   */
  disabled?: boolean
  /**
   * Roles (read from `user.roles` on the auth collection) allowed to create and edit products.
   * @default ['admin', 'editor']
   */
  editorRoles?: string[]
  /**
   * Folder holding the private product files that `assetFilename` names.
   * Relative paths resolve against the process working directory. Never serve it publicly.
   * @default 'private/products'
   */
  productFilesDir?: string
  /**
   * Site paths whose statically rendered pages show this product and are revalidated
   * when an editor changes, publishes or deletes it.
   * @default (slug) => ['/', '/products', `/products/${slug}`]
   */
  productPaths?: (slug: string) => string[]
  /**
   * Changes to the products collection, merged over the plugin's own definition
   * (for example extra fields or admin options).
   * @default undefined
   */
  overrideProductsCollection?: (collection: CollectionConfig) => CollectionConfig
}

/** Options with every default applied; factories close over this. */
export type ResolvedStorefrontOptions = Required<Omit<StorefrontPluginOptions, 'overrideProductsCollection'>> &
  Pick<StorefrontPluginOptions, 'overrideProductsCollection'>
