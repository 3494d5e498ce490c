import type { CollectionConfig } from 'payload'

import type {
  DisputeOptions,
  EarlyFraudWarningOptions,
  HealthOptions,
  ReconciliationOptions,
} from './recoveryOptions'
import type { EmailConnection, ProductFilesS3Options, StripeConnection } from './connections'

export type { EmailConnection, ProductFilesS3Options, StripeConnection } from './connections'
export type {
  DisputeOptions,
  EarlyFraudWarningOptions,
  HealthOptions,
  ReconciliationOptions,
} from './recoveryOptions'

/**
 * The shop's pages the plugin links to (checkout's return URLs, emails, the sign-in redirect) and
 * revalidates. Paths on the app's own site, starting with "/".
 */
export type StorefrontRoutes = {
  /** Sign-in page; signed-out shoppers are sent there with `callbackUrl`. @default '/login' */
  login?: string
  /** The shopper's purchases; Stripe Checkout returns there. @default '/products/account' */
  account?: string
  /**
   * Pages listing the catalog, revalidated when any product changes; the first is where a
   * shopper goes back to the shop.
   * @default ['/products', '/']
   */
  catalog?: string[]
  /** A product's page. @default (slug) => `/products/${slug}` */
  product?: (slug: string) => string
  /** One purchase's page. @default (id) => `/products/account/purchases/${id}` */
  purchase?: (id: number | string) => string
  /**
   * Where an emailed one-time sign-in link lands (`?token=…&email=…`): a page with a button that
   * posts them to `POST /api/sign-in-link/redeem`. A page rather than the endpoint itself, so a
   * mail scanner that opens links cannot use up the shopper's link.
   * @default '/login/link'
   */
  signInLink?: string
}

/** A number of requests allowed in a sliding window. */
export type RateLimit = {
  /** Requests allowed in the window. */
  max: number
  /** The window, in minutes. */
  windowMinutes: number
}

/** One-time sign-in links by email (`POST /api/sign-in-link`). */
export type SignInLinkOptions = {
  /** Offer sign-in links at all. @default true */
  enabled?: boolean
  /**
   * Let staff (users with one of `staffRoles` or `editorRoles`) sign in by link too. Off, they get
   * no link (and the answer does not say so): an inbox is then never a way into the admin.
   * @default false
   */
  allowStaff?: boolean
  /** How long a link works. @default 15 */
  expiresInMinutes?: number
  /** Requests per email address. @default { max: 3, windowMinutes: 15 } */
  perEmail?: RateLimit
  /**
   * Requests per client IP (the first `X-Forwarded-For` address, so run behind a proxy that sets
   * it). @default { max: 10, windowMinutes: 15 }
   */
  perIp?: RateLimit
}

export type StorefrontPluginOptions = {
  /**
   * Turns the plugin's behaviour off (hooks, endpoints, job runs) while still adding its
   * collections, so the database schema and migrations stay the same whether it is on or off.
   * @default false
   */
  disabled?: boolean
  /**
   * Stripe keys and, offline, where the emulator listens.
   * @default {}
   */
  stripe?: StripeConnection
  /**
   * Resend settings for receipts and payment emails; `from` is required while enabled.
   * @default {}
   */
  email?: EmailConnection
  /**
   * The shop's name, used in email subjects and bodies.
   * @default 'Payload Storefront'
   */
  storeName?: string
  /**
   * Where shoppers write for help, shown in every email ("Questions? Write to …").
   * @default undefined (no support line)
   */
  supportEmail?: string
  /**
   * Slug of the auth collection whose users buy products.
   * @default 'users'
   */
  usersSlug?: string
  /**
   * Roles (from `user.roles`) that see every purchase, Stripe event and download in the admin.
   * @default ['admin', 'support']
   */
  staffRoles?: string[]
  /**
   * Roles (read from `user.roles` on the auth collection) allowed to create and edit products.
   * @default ['admin', 'editor']
   */
  editorRoles?: string[]
  /**
   * How often queued receipt jobs are picked up (Payload jobs `autoRun`, seconds field allowed),
   * or false to run them yourself (`payload jobs:run --queue storefront`).
   * @default '* * * * * *' (every second, so a receipt leaves within seconds)
   */
  jobsAutoRunCron?: false | string
  /**
   * The app's pages the plugin links to and revalidates.
   * @default see StorefrontRoutes
   */
  routes?: StorefrontRoutes
  /**
   * Folder holding the private product files that `assetFilename` names.
   * Relative paths resolve against the process working directory. Never serve it publicly.
   * @default 'private/products'
   */
  productFilesDir?: string
  /**
   * The largest product file an editor may upload. Uploads stream to a temporary file beside
   * `productFilesDir` (Payload's `upload.useTempFiles`), never into memory. Fills in Payload's
   * `upload` settings (`useTempFiles`, `tempFileDir`, `limits.fileSize`, `requestSizeLimit`)
   * that the config leaves unset; they apply to every upload collection.
   * @default 5 GiB (the most one S3 PUT accepts, for when the files move to object storage)
   */
  maxUploadBytes?: number
  /**
   * Keep product files in an S3-compatible bucket instead of `productFilesDir` (Payload's
   * `@payloadcms/storage-s3` on the product files collection). The bucket must stay private:
   * shoppers reach a file only through the download endpoint, which checks the purchase first.
   * @default undefined (null or undefined: files on this machine's disk)
   */
  s3?: null | ProductFilesS3Options
  /**
   * One-time sign-in links emailed to shoppers.
   * @default see SignInLinkOptions
   */
  signInLinks?: SignInLinkOptions
  /**
   * The reconciliation sweep.
   * @default see ReconciliationOptions
   */
  reconciliation?: ReconciliationOptions
  /**
   * Early fraud warnings: access is revoked at once; optionally the payment is refunded.
   * @default { refund: false }
   */
  earlyFraudWarnings?: EarlyFraudWarningOptions
  /**
   * Dispute evidence.
   * @default { autoSubmitEvidence: false }
   */
  disputes?: DisputeOptions
  /**
   * The health endpoint.
   * @default {}
   */
  health?: HealthOptions
  /**
   * Changes to the products collection, merged over the plugin's own definition
   * (for example extra fields or admin options).
   * @default undefined
   */
  overrideProductsCollection?: (collection: CollectionConfig) => CollectionConfig
}

/** Options with every default applied; factories close over this. */
export type ResolvedStorefrontOptions = Required<
  Omit<
    StorefrontPluginOptions,
    | 'overrideProductsCollection'
    | 'email'
    | 'routes'
    | 'supportEmail'
    | 'signInLinks'
    | 'reconciliation'
    | 'health'
    | 'earlyFraudWarnings'
    | 'disputes'
    | 's3'
  >
> &
  Pick<StorefrontPluginOptions, 'overrideProductsCollection' | 'supportEmail'> & {
    email: EmailConnection
    routes: Required<StorefrontRoutes>
    signInLinks: Required<SignInLinkOptions>
    reconciliation: Required<Omit<ReconciliationOptions, 'alertEmail'>> &
      Pick<ReconciliationOptions, 'alertEmail'> & {
        /** The schedule's cron, or null without one. */
        cron: null | string
      }
    health: HealthOptions
    earlyFraudWarnings: Required<EarlyFraudWarningOptions>
    disputes: Required<DisputeOptions>
    /** Null: files on disk. */
    s3: null | Required<ProductFilesS3Options>
  }
