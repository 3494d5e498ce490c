const PLACEHOLDER_ORIGIN = 'http://callback.invalid'

/**
 * A same-site relative path to send someone back to after signing in, or `fallback`.
 * Anything that could leave the site (`//evil.example`, `/\\evil.example`, `https://…`,
 * `javascript:`) is refused, so `callbackUrl` cannot be used as an open redirect.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\\]/.test(value)) return fallback
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN)
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return fallback
  }
}
