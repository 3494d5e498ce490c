import type { Payload } from 'payload'

import type {
  HealthOptions,
  ResolvedStorefrontOptions,
  SignInLinkOptions,
  StorefrontPluginOptions,
  StorefrontRoutes,
} from './types'

const DEFAULT_ROUTES: Required<StorefrontRoutes> = {
  login: '/login',
  account: '/products/account',
  catalog: ['/products', '/'],
  product: (slug) => `/products/${slug}`,
  purchase: (id) => `/products/account/purchases/${id}`,
  signInLink: '/login/link',
}

const DEFAULT_SIGN_IN_LINKS: Required<SignInLinkOptions> = {
  enabled: true,
  allowStaff: false,
  expiresInMinutes: 15,
  perEmail: { max: 3, windowMinutes: 15 },
  perIp: { max: 10, windowMinutes: 15 },
}

/** A cron for "every N minutes", or an error naming the values that work. */
function reconciliationCron(everyMinutes: false | number): null | string {
  if (everyMinutes === false) return null
  const valid =
    Number.isInteger(everyMinutes) &&
    everyMinutes > 0 &&
    (everyMinutes < 60
      ? 60 % everyMinutes === 0
      : everyMinutes % 60 === 0 && 24 % (everyMinutes / 60) === 0)
  if (!valid) {
    throw new Error(
      `storefront(): reconciliation.everyMinutes must divide an hour (1, 5, 10, 15, 30…) or be whole hours dividing a day (60, 120, 360…), or false for no schedule; got ${String(everyMinutes)}.`,
    )
  }
  return everyMinutes < 60 ? `*/${everyMinutes} * * * *` : `0 */${everyMinutes / 60} * * *`
}

/** Every option with its default, checked once when the config is built. */
export function resolveOptions(options: StorefrontPluginOptions = {}): ResolvedStorefrontOptions {
  const disabled = options.disabled ?? false
  if (!disabled && !options.email?.from?.trim()) {
    throw new Error(
      'storefront(): set email.from to the sender of receipts, on a domain verified in Resend, ' +
        "e.g. email: { from: 'Shop <shop@your-domain.com>' }. Resend refuses any other sender.",
    )
  }
  return {
    disabled,
    stripe: options.stripe ?? {},
    email: { ...options.email },
    storeName: options.storeName ?? 'Payload Storefront',
    supportEmail: options.supportEmail?.trim() || undefined,
    usersSlug: options.usersSlug ?? 'users',
    staffRoles: options.staffRoles ?? ['admin', 'support'],
    editorRoles: options.editorRoles ?? ['admin', 'editor'],
    jobsAutoRunCron: options.jobsAutoRunCron ?? '* * * * * *',
    routes: { ...DEFAULT_ROUTES, ...options.routes },
    signInLinks: { ...DEFAULT_SIGN_IN_LINKS, ...options.signInLinks },
    productFilesDir: options.productFilesDir ?? 'private/products',
    maxUploadBytes: options.maxUploadBytes ?? 5 * 1024 ** 3,
    overrideProductsCollection: options.overrideProductsCollection,
    reconciliation: resolveReconciliation(options.reconciliation),
    health: resolveHealth(options.health),
    earlyFraudWarnings: { refund: options.earlyFraudWarnings?.refund ?? false },
    disputes: { autoSubmitEvidence: options.disputes?.autoSubmitEvidence ?? false },
    s3: resolveS3(options.s3),
  }
}

function resolveReconciliation(
  options: StorefrontPluginOptions['reconciliation'] = {},
): ResolvedStorefrontOptions['reconciliation'] {
  const everyMinutes = options.everyMinutes ?? 15
  const overlapMinutes = options.overlapMinutes ?? 24 * 60
  if (!Number.isInteger(overlapMinutes) || overlapMinutes < 0) {
    throw new Error(
      `storefront(): reconciliation.overlapMinutes must be a whole number of minutes (default 1440); got ${String(overlapMinutes)}.`,
    )
  }
  return {
    everyMinutes,
    overlapMinutes,
    alertEmail: options.alertEmail?.trim() || undefined,
    cron: reconciliationCron(everyMinutes),
  }
}

function resolveHealth(options: StorefrontPluginOptions['health'] = {}): HealthOptions {
  const token = options.token?.trim() || undefined
  if (token && token.length < 32) {
    throw new Error(
      'storefront(): health.token must be at least 32 random characters (openssl rand -hex 32); a monitor sends it as a bearer token.',
    )
  }
  return { token }
}

/** A presigned URL is a bearer token for the file: minutes, not days. */
const MAX_PRESIGNED_SECONDS = 60 * 60

function resolveS3(s3: StorefrontPluginOptions['s3']): ResolvedStorefrontOptions['s3'] {
  if (!s3) return null
  if (!s3.bucket?.trim()) {
    throw new Error(
      'storefront(): s3.bucket is empty. Set it to the name of the private bucket for product files, or leave s3 out to keep them on disk.',
    )
  }
  const delivery = s3.delivery ?? 'stream'
  if (delivery !== 'stream' && delivery !== 'redirect') {
    throw new Error(
      `storefront(): s3.delivery is ${JSON.stringify(delivery)}; use 'stream' (through this server) or 'redirect' (302 to a presigned URL).`,
    )
  }
  const expires = s3.presignedUrlExpiresInSeconds ?? 300
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) {
    throw new Error(
      `storefront(): s3.presignedUrlExpiresInSeconds is ${expires}; use a whole number of seconds from 1 to ${MAX_PRESIGNED_SECONDS}.`,
    )
  }
  return { bucket: s3.bucket, config: s3.config, delivery, presignedUrlExpiresInSeconds: expires }
}

/** The plugin's resolved options, kept on the config so app pages can call the plugin's functions. */
export function getStorefrontOptions(payload: Payload): ResolvedStorefrontOptions {
  const options = (payload.config.custom as { storefront?: ResolvedStorefrontOptions } | undefined)
    ?.storefront
  if (!options) {
    throw new Error(
      'The storefront plugin is not installed: add storefront() to the plugins of payload.config.ts.',
    )
  }
  return options
}

/** The sign-in page that brings the shopper back to the product (or the catalog) afterwards. */
export function loginUrlFor(routes: ResolvedStorefrontOptions['routes'], productSlug?: string) {
  const back = productSlug ? routes.product(productSlug) : (routes.catalog[0] ?? '/')
  return `${routes.login}?callbackUrl=${encodeURIComponent(back)}`
}
