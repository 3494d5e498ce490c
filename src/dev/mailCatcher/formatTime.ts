/** `2025-03-01T09:30:12.345Z` → `2025-03-01 09:30:12 UTC`: readable, and still unambiguous. */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')
}
