import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from '../types'

export function resolveOptions(options: StorefrontPluginOptions = {}): ResolvedStorefrontOptions {
  return {
    disabled: options.disabled ?? false,
    stripe: options.stripe ?? {},
    loginPath: options.loginPath ?? '/login',
    editorRoles: options.editorRoles ?? ['admin', 'editor'],
    productFilesDir: options.productFilesDir ?? 'private/products',
    productPaths: options.productPaths ?? ((slug) => ['/', '/products', `/products/${slug}`]),
    overrideProductsCollection: options.overrideProductsCollection,
  }
}
