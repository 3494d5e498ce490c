/**
 * The URL with `application_name` set (unless it already names one), so pg_stat_activity, and the
 * watchdog's evidence, say which of our processes holds each connection: a leftover `next start`
 * from the browser tests is told apart from this run's migrate at a glance.
 */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url)
  if (!parsed.searchParams.has('application_name'))
    parsed.searchParams.set('application_name', name)
  return parsed.toString()
}
