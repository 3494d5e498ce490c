import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { CollectionConfig } from 'payload'

/** How to reach Stripe. Host, port and protocol point the real SDK at a local emulator. */
export type StripeConnection = {
  /**
   * Secret (sk_...) or restricted (rk_...) key. Without it checkout answers that payments are
   * unavailable and product prices are saved unchecked.
   * @default undefined
   */
  secretKey?: string
  /** Signing secret of the webhook endpoint (whsec_...). @default undefined */
  webhookSecret?: string
  /** API host. @default 'api.stripe.com' */
  host?: string
  /** API port. @default 443 */
  port?: number
  /** API protocol. @default 'https' */
  protocol?: 'http' | 'https'
}

/** How emails leave: the `resend` SDK, pointed at Resend or (offline) the local mail catcher. */
export type EmailConnection = {
  /**
   * Resend API key (re_...). Without it receipts are recorded as failed and retried.
   * @default undefined
   */
  resendApiKey?: string
  /**
   * Resend API base URL; the mail catcher's URL offline.
   * @default the SDK's (RESEND_BASE_URL or https://api.resend.com)
   */
  baseUrl?: string
  /**
   * Sender, e.g. 'Shop <shop@your-domain.com>', on a domain verified in Resend. Required while the
   * plugin is enabled: Resend refuses any other sender (its `onboarding@resend.dev` test sender
   * only reaches the account owner), so a shop without one would take money and send nothing.
   */
  from?: string
}

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

/** The reconciliation sweep: paid Checkout Sessions whose webhook never arrived become purchases. */
export type ReconciliationOptions = {
  /**
   * Minutes between scheduled sweeps (a divisor of 60, or whole hours dividing 24), or false for
   * none; staff can still press "Reconcile now". The schedule runs where the storefront queue runs
   * (`jobsAutoRunCron` or `npm run worker`).
   * @default 15
   */
  everyMinutes?: false | number
  /**
   * How far before the previous sweep's end the next one looks. A Checkout Session can be paid
   * up to 24 hours after it was created (Stripe's default expiry), and the list is by creation
   * time, so anything shorter can miss a session paid late.
   * @default 1440 (24 hours)
   */
  overlapMinutes?: number
  /** Emailed (through Resend) after a sweep that repaired anything. @default undefined (no email) */
  alertEmail?: string
}

/** What the shop does when a card issuer warns of fraud (`radar.early_fraud_warning.created`). */
export type EarlyFraudWarningOptions = {
  /**
   * Also refund the payment in Stripe (reason `fraudulent`), as Stripe advises to avoid the
   * dispute and its fee. Access is revoked either way.
   * @default false
   */
  refund?: boolean
}

/** Disputes (chargebacks): the plugin drafts evidence from what it knows of the purchase. */
export type DisputeOptions = {
  /**
   * Submit the drafted evidence to Stripe as soon as a dispute opens (`disputes.update` with
   * `submit`); Stripe takes no more evidence after that. Off, staff read the draft on the purchase
   * and submit it with one click.
   * @default false
   */
  autoSubmitEvidence?: boolean
}

/** `GET /api/storefront/health` for monitors. */
export type HealthOptions = {
  /**
   * A secret a monitor sends as `Authorization: Bearer <token>` (staff signed in need none).
   * At least 32 characters. @default undefined (staff only)
   */
  token?: string
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

/** Product files in an S3-compatible bucket (AWS S3, MinIO, R2, …). */
export type ProductFilesS3Options = {
  bucket: string
  /**
   * The S3 client's settings: `region`, `endpoint` (for anything but AWS), `credentials`
   * (`{ accessKeyId, secretAccessKey }`) and `forcePathStyle` (MinIO and most self-hosted stores).
   */
  config: S3ClientConfig
  /**
   * How the download endpoint hands over the bytes once it has checked the purchase:
   * `stream` reads the object through this server (Range passed through to S3);
   * `redirect` answers 302 to a presigned URL of the object, so the bytes go from the bucket
   * straight to the shopper and the server only checks.
   * @default 'stream'
   */
  delivery?: 'redirect' | 'stream'
  /**
   * How long a presigned URL of `delivery: 'redirect'` stays valid. Long enough to start the
   * download (a started transfer is not cut when it expires), short enough that a shared link
   * is soon useless.
   * @default 300 (five minutes)
   */
  presignedUrlExpiresInSeconds?: number
}
