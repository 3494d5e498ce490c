import type { Payload } from 'payload'

import type { Watchdog } from './watchdog'

/**
 * A `batch = -1` row is what Payload's dev-mode schema push leaves. With one present, migrate()
 * asks on stdin whether to go on with data loss: in a terminal that waits forever looking like a
 * hang; without a terminal it exits 0 having migrated nothing. Say so and stop instead.
 */
async function refuseDevPushMarker(payload: Payload): Promise<void> {
  const { rows: table } = await payload.db.pool.query<{ exists: boolean }>(
    "select to_regclass('payload_migrations') is not null as exists",
  )
  if (!table[0].exists) return
  const { rows } = await payload.db.pool.query<{ markers: number }>(
    'select count(*)::int as markers from payload_migrations where batch = -1',
  )
  if (rows[0].markers === 0) return
  throw new Error(
    [
      'This database was changed by Payload\'s dev-mode schema push (payload_migrations has a "batch -1" row),',
      'so `payload migrate` would stop and ask whether to continue with data loss. This project never pushes',
      '(push: false); something else pushed to this database. Either point DATABASE_URL at a database that',
      'only ever got migrations, or, after checking its schema matches src/migrations, delete the marker:',
      '  delete from payload_migrations where batch = -1;  and run `npm run migrate` again.',
    ].join('\n'),
  )
}

/**
 * Applies the committed migrations, exactly what `payload migrate` does (the adapter's migrate()),
 * and throws if none are recorded after. Run with PAYLOAD_MIGRATING=true set before Payload loads.
 */
export async function applyMigrations(payload: Payload, watchdog: Watchdog): Promise<void> {
  watchdog.step('checking for a dev-mode push marker')
  await refuseDevPushMarker(payload)
  watchdog.step('applying migrations (payload.db.migrate)')
  await payload.db.migrate()
  watchdog.step('counting recorded migrations')
  const { totalDocs } = await payload.count({ collection: 'payload-migrations' })
  if (totalDocs === 0) {
    throw new Error('No migrations are recorded after migrating: the database was not prepared.')
  }
}

export const MIGRATE_ADVICE =
  'If the database line names a process holding a lock, stop that process (a leftover next dev / next start / psql) ' +
  'and start again. Otherwise press Ctrl-C, run `npm run migrate` on its own, and if it stalls again open an ' +
  'issue with the evidence folder below.'
