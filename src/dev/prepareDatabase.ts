import { EMBEDDED_DATABASE_NAME } from './embeddedDatabaseUrl'
import { startEmbeddedPostgres } from './embeddedPostgres'
import { runCommand } from './runCommand'

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> }

/**
 * Makes sure a migrated database is there: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL under .data/postgres. Applies the committed migrations (src/dev/runMigrations.ts).
 */
export async function prepareDatabase({
  dataDir = '.data/postgres',
  database = EMBEDDED_DATABASE_NAME,
} = {}): Promise<PreparedDatabase> {
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
    await postgres.createDatabase(database)
    url = postgres.urlFor(database)
    stop = postgres.stop
    console.log(`[db] Embedded PostgreSQL ready at ${url}`)
  }
  process.env.DATABASE_URL = url
  await runCommand('npx', ['tsx', 'src/dev/runMigrations.ts'])
  return { url, embedded, stop }
}
