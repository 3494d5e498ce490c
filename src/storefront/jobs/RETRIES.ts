/**
 * Resend outages are usually short: retry quickly at first, then back off
 * (1 s, 2 s, 4 s … about 4 minutes in all) before giving up and leaving it to support.
 */
export const EMAIL_RETRIES = { attempts: 8, backoff: { type: 'exponential' as const, delay: 1000 } }
