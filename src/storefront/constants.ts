/**
 * The names the plugin gives things in the host app's Payload config (collection slugs, the jobs
 * queue and its tasks) and the formats it accepts. One module, so a reader sees them side by side.
 */

export const PRODUCTS_SLUG = 'products'
export const PURCHASES_SLUG = 'purchases'
export const STRIPE_EVENTS_SLUG = 'stripe-events'
/** The upload collection holding product files (stored in `productFilesDir`, never public). */
export const PRODUCT_FILES_SLUG = 'product-files'
/** The log of download requests, one row each. */
export const DOWNLOADS_SLUG = 'downloads'
/** One-time sign-in links: the token's hash, whose it is, until when, whether used. */
export const SIGN_IN_LINKS_SLUG = 'sign-in-links'
/** Every request for a sign-in link (hashed email, IP, time): the rate limit counts these. */
export const SIGN_IN_LINK_REQUESTS_SLUG = 'sign-in-link-requests'

/**
 * Read size when streaming a product file: 1 MiB chunks stream a large file through a Web
 * ReadableStream at about twice the throughput of Node's default 64 KiB.
 */
export const DOWNLOAD_CHUNK_BYTES = 1 << 20

/** Every run of the reconciliation sweep: its window, what it saw and what it repaired. */
export const RECONCILIATION_RUNS_SLUG = 'reconciliation-runs'

/** The Payload jobs queue the plugin's tasks run on. */
export const STOREFRONT_QUEUE = 'storefront'
export const SEND_PURCHASE_RECEIPT_TASK = 'storefrontSendPurchaseReceipt'
export const SEND_PAYMENT_FAILED_TASK = 'storefrontSendPaymentFailedEmail'
export const RECONCILE_TASK = 'storefrontReconcile'
export const APPLY_STRIPE_EVENT_TASK = 'storefrontApplyStripeEvent'

/**
 * A recorded Stripe event whose application failed (Stripe or the database briefly away) is
 * tried again after 2 s, 4 s, 8 s … about 4 minutes in all; after that the reconciliation sweep
 * applies it again, fetched anew from Stripe.
 */
export const STRIPE_EVENT_RETRIES = {
  attempts: 7,
  backoff: { type: 'exponential' as const, delay: 2000 },
}

/**
 * Resend outages are usually short: retry quickly at first, then back off
 * (2 s, 4 s, 8 s … about 34 minutes in all) before giving up and leaving it to support.
 */
export const EMAIL_RETRIES = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 2000 },
}

/** A product slug: lowercase words joined by single dashes, safe in a URL path. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/**
 * The longest slug: it travels in Stripe metadata (values up to 500 characters) and in URLs, and
 * an editor never needs more.
 */
export const SLUG_MAX_LENGTH = 100
/** Stripe object ids are at most 255 characters. */
export const STRIPE_ID_MAX_LENGTH = 255
/** A currency as Stripe writes it: a three-letter ISO code in lowercase. */
export const CURRENCY_PATTERN = /^[a-z]{3}$/
/**
 * The note a published product's price check carries when the product was not taken to Stripe
 * because another field (file, slug, price, currency) is wrong: those fields' own errors say what
 * to fix, so the price field adds none.
 */
export const PRICING_WAITS_FOR_OTHER_FIELDS =
  'The price is created or checked in Stripe once the other highlighted fields are fixed.'

/**
 * `context` flag for trusted server code (a seed writing demo products whose prices exist in the
 * offline Stripe emulator) that must publish while Stripe cannot be asked, as during a build.
 * The price is still checked when Stripe answers; it is only not required to be.
 */
export const ALLOW_UNCONFIRMED_PRICE = 'storefrontAllowUnconfirmedPrice'

/** What the seed and docs put in a Stripe price id that still has to be replaced. */
export const PLACEHOLDER_MARKER = 'REPLACE_ME'

/** True for a string that can be a product slug. */
export function isProductSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value)
}

/**
 * The largest request bodies the plugin's endpoints read; anything larger is refused (413) before
 * it is read whole. Stripe's events are a few KiB (Stripe caps them far below 1 MiB); a checkout
 * body is one product slug.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024
export const CHECKOUT_BODY_LIMIT_BYTES = 16 * 1024
/** An email, a token and a callback path fit in far less. */
export const SIGN_IN_LINK_BODY_LIMIT_BYTES = 4 * 1024
