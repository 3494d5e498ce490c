/**
 * Options of what keeps the shop whole after a payment: the reconciliation sweep, the health
 * endpoint that watches it, and the answers to fraud warnings and disputes.
 */

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
