/**
 * Escapes text for HTML element content and quoted attribute values alike. Everything the
 * inbox pages show came from a request body, so every value goes through here.
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
