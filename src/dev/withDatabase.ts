/**
 * `tsx src/dev/withDatabase.ts <command...>`: runs a command against a migrated database
 * (embedded PostgreSQL, seeded when empty, when DATABASE_URL is unset). Used by `npm run build` and `npm run seed`.
 */
import path from 'node:path'

import { withApplicationName } from './databaseApplicationName'
import { prepareDatabase } from './prepareDatabase'
import { runCommand } from './runCommand'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: tsx src/dev/withDatabase.ts <command> [args...]')
  process.exit(2)
}

// The embedded database is the demo shop: seed it when empty, so a build's static pages show the
// catalog. With DATABASE_URL set, your data is used as it is.
const embedded = !process.env.DATABASE_URL
const database = await prepareDatabase({ seed: embedded ? 'if-empty' : undefined })
let exitCode = 0
try {
  await runCommand({
    command: 'npx',
    args: [command, ...args],
    env: {
      ...process.env,
      // e.g. storefront-next-build, so the database shows which command holds a connection.
      DATABASE_URL: withApplicationName(
        database.url,
        ['storefront', command, ...args].map((part) => path.basename(part)).join('-'),
      ),
    },
  })
} catch (error) {
  console.error((error as Error).message)
  exitCode = 1
} finally {
  await database.stop()
}
process.exit(exitCode)
