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

/** How receipts leave: the `resend` SDK, pointed at Resend or (offline) the local mail catcher. */
export type EmailConnection = {
  /** Resend API key (re_...). Without it receipts are recorded as failed and retried. @default undefined */
  resendApiKey?: string
  /** Resend API base URL; the mail catcher's URL offline. @default the SDK's (RESEND_BASE_URL or https://api.resend.com) */
  baseUrl?: string
  /** Sender, e.g. 'Shop <shop@example.com>' (a domain verified in Resend). @default 'Payload Storefront <onboarding@resend.dev>' */
  from?: string
}

export type StorefrontPluginOptions = {
  /**
   * Turns the plugin's behaviour off (hooks, endpoints) while still adding its collections,
   * so the database schema and migrations stay the same whether it is on or off.
   * @default false
   */
  disabled?: boolean
  /**
   * Stripe keys and, offline, where the emulator listens.
   * @default {}
   */
  stripe?: StripeConnection
  /**
   * Resend settings for receipts and payment emails.
   * @default {}
   */
  email?: EmailConnection
  /**
   * The shop's name, used in email subjects and bodies.
   * @default 'Payload Storefront'
   */
  storeName?: string
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
   * How often queued receipt jobs are picked up (Payload jobs `autoRun`, seconds field allowed),
   * or false to run them yourself (`payload jobs:run --queue storefront`).
   * @default '* * * * * *' (every second, so a receipt leaves within seconds)
   */
  jobsAutoRunCron?: false | string
  /**
   * The storefront's sign-in page; signed-out shoppers are sent there with `callbackUrl`.
   * @default '/login'
   */
  loginPath?: string
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
export type ResolvedStorefrontOptions = Required<
  Omit<StorefrontPluginOptions, 'overrideProductsCollection' | 'email'>
> &
  Pick<StorefrontPluginOptions, 'overrideProductsCollection'> & {
    email: Required<Pick<EmailConnection, 'from'>> & EmailConnection
  }
