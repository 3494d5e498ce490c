/**
 * `npm run migrate` (tsx src/dev/runMigrations.ts): applies the committed migrations, exactly what
 * `payload migrate` does (the adapter's migrate()), and fails loudly if none are recorded after.
 * The scripts here use it instead of the payload bin, which sometimes exited 0 having done
 * nothing on this Node 20 machine (see holdEventLoop for why).
 */
import { holdEventLoop } from './holdEventLoop'

const release = holdEventLoop('Migrating the database')
process.env.PAYLOAD_MIGRATING = 'true'
// Loaded after the loop is held: the hang happened while Payload's modules were loading.
const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')

const payload = await getPayload({ config })
await payload.db.migrate()
const { totalDocs } = await payload.count({ collection: 'payload-migrations' })
await payload.destroy()
release()
if (totalDocs === 0) {
  console.error('No migrations are recorded after migrating: the database was not prepared.')
  process.exit(1)
}
process.exit(0)
