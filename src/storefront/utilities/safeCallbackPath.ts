const PLACEHOLDER_ORIGIN = 'http://callback.invalid'

/** Would a browser read this path as another host (`//host`, `/\host`)? */
const leavesSite = (path: string) => path.startsWith('//') || path.startsWith('/\\')

/**
 * A same-site relative path to send someone back to after signing in, or `fallback`.
 * Anything that could leave the site (`//evil.example`, `/\evil.example`, `https://…`,
 * `javascript:`, or dot segments that normalise into `//evil.example`) is refused, so
 * `callbackUrl` cannot be used as an open redirect. Checked before and after normalising.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || leavesSite(value)) return fallback
  if (/[\u0000-\u001f\\]/.test(value)) return fallback
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN)
    const path = `${url.pathname}${url.search}${url.hash}`
    return url.origin === PLACEHOLDER_ORIGIN && !leavesSite(path) ? path : fallback
  } catch {
    return fallback
  }
}
