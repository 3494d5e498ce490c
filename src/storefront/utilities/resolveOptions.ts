import type { ResolvedStorefrontOptions, StorefrontPluginOptions } from '../types'

export function resolveOptions(options: StorefrontPluginOptions = {}): ResolvedStorefrontOptions {
  return {
    disabled: options.disabled ?? false,
    stripe: options.stripe ?? {},
    loginPath: options.loginPath ?? '/login',
    email: {
      ...options.email,
      from: options.email?.from ?? 'Payload Storefront <onboarding@resend.dev>',
    },
    storeName: options.storeName ?? 'Payload Storefront',
    usersSlug: options.usersSlug ?? 'users',
    staffRoles: options.staffRoles ?? ['admin', 'support'],
    jobsAutoRunCron: options.jobsAutoRunCron ?? '* * * * * *',
    editorRoles: options.editorRoles ?? ['admin', 'editor'],
    productFilesDir: options.productFilesDir ?? 'private/products',
    productPaths: options.productPaths ?? ((slug) => ['/', '/products', `/products/${slug}`]),
    overrideProductsCollection: options.overrideProductsCollection,
  }
}
