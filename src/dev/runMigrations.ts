/**
 * `npm run migrate` (tsx src/dev/runMigrations.ts): applies the committed migrations, exactly what
 * `payload migrate` does (the adapter's migrate()), and fails loudly if it did not.
 *
 * Why not spawn `payload migrate`: its bin loads TypeScript through tsx's tsImport and, on this
 * Node 20 machine, sometimes exits 0 having printed and done nothing (seen in CI and tests: the
 * event loop empties while the loader is still resolving). tsx's CLI registers its loader at
 * start-up instead, and never showed that.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

process.env.PAYLOAD_MIGRATING = 'true'
const payload = await getPayload({ config })
await payload.db.migrate()
const { totalDocs } = await payload.count({ collection: 'payload-migrations' })
await payload.destroy()
if (totalDocs === 0) {
  console.error('No migrations are recorded after migrating: the database was not prepared.')
  process.exit(1)
}
process.exit(0)
