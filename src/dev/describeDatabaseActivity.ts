import pg from 'pg'

import { localProcessForPort } from './localProcessForPort'

export type DatabaseActivity = {
  /** One line for the terminal: who else is connected and who waits on whom. */
  summary: string
  /** Every session and every lock not granted, for the evidence folder. */
  details: string
}

type Session = {
  pid: number
  application_name: string
  client_addr: string | null
  client_port: number | null
  state: string | null
  wait_event_type: string | null
  wait_event: string | null
  blocked_by: number[]
  state_seconds: number | null
  xact_seconds: number | null
  query: string
}

const SESSIONS = `
  select pid, application_name, host(client_addr) as client_addr, client_port, state, wait_event_type, wait_event,
         pg_blocking_pids(pid) as blocked_by,
         round(extract(epoch from now() - state_change))::int as state_seconds,
         round(extract(epoch from now() - xact_start))::int as xact_seconds,
         left(regexp_replace(query, '\\s+', ' ', 'g'), 300) as query
  from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
  order by backend_start`

const WAITING_LOCKS = `
  select l.pid, l.locktype, l.mode, coalesce(l.relation::regclass::text, '') as relation,
         l.objid, a.application_name
  from pg_locks l join pg_stat_activity a using (pid)
  where not l.granted`

const LOCAL = new Set(['127.0.0.1', '::1'])

/** The process on this machine that opened the session, if it connected over local TCP. */
function clientProcess(session: Session): string {
  if (!session.client_addr || !LOCAL.has(session.client_addr) || !session.client_port) return ''
  const owner = localProcessForPort(session.client_port)
  return owner ? `; opened by process ${owner.pid}: ${owner.command.slice(0, 100)}` : ''
}

function who(session: Session | undefined, pid: number): string {
  if (!session) return `backend ${pid}`
  const name = session.application_name || 'no application_name'
  const state = session.state ? `, ${session.state} for ${session.state_seconds ?? '?'} s` : ''
  return `backend ${pid} (${name}${state}: ${session.query.slice(0, 80)}${clientProcess(session)})`
}

/**
 * What the database is doing, from a fresh connection with short timeouts, so a stalled script
 * can say whether it waits on a lock (and whose), on a server that does not answer, or on nothing
 * the database knows about.
 */
export async function describeDatabaseActivity(
  url: string,
  timeoutMs = 3_000,
): Promise<DatabaseActivity> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'storefront-watchdog',
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    const { rows: sessions } = await client.query<Session>(SESSIONS)
    const { rows: locks } = await client.query(WAITING_LOCKS)
    const byPid = new Map(sessions.map((session) => [session.pid, session]))
    const waiting = sessions.filter((session) => session.blocked_by.length > 0)
    const blockers = [...new Set(waiting.flatMap((session) => session.blocked_by))]
    // The sessions everyone queues behind: blocking others, waiting on nobody. Stop those.
    const roots = blockers.filter((pid) => !byPid.get(pid)?.blocked_by.length)
    const summary =
      `${sessions.length} session(s) on this database` +
      (waiting.length === 0
        ? '; none waits for a lock.'
        : `; ${waiting.length} waiting for a lock (` +
          waiting
            .map((session) => `${session.application_name || 'unnamed'} [${session.pid}]`)
            .join(', ') +
          '), held by ' +
          (roots.length > 0 ? roots : blockers).map((pid) => who(byPid.get(pid), pid)).join('; ') +
          '.')
    const details = [
      'pg_stat_activity (this database, client backends):',
      JSON.stringify(sessions, null, 2),
      'pg_locks not granted:',
      JSON.stringify(locks, null, 2),
    ].join('\n')
    return { summary, details }
  } catch (error) {
    const message = (error as Error).message
    return {
      summary: `did not answer within ${timeoutMs / 1000} s (${message}); is PostgreSQL running and reachable at that URL?`,
      details: String((error as Error).stack ?? message),
    }
  } finally {
    await client.end().catch(() => {})
  }
}
