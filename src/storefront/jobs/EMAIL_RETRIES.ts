/**
 * Resend outages are usually short: retry quickly at first, then back off
 * (2 s, 4 s, 8 s … about 34 minutes in all) before giving up and leaving it to support.
 */
export const EMAIL_RETRIES = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 2000 },
}
