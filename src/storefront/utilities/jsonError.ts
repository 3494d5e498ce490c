/** A JSON error a person can act on: `{ error: "<sentence>" }` plus any extra fields. */
export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } })
}
