import type { S3ClientConfig } from '@aws-sdk/client-s3'

/** How the plugin reaches the services it depends on: Stripe, Resend and (optionally) S3. */

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
