/**
 * `tsx src/dev/withDatabase.ts <command...>`: runs a command against a migrated database
 * (embedded PostgreSQL, seeded when empty, when DATABASE_URL is unset). Used by `npm run build` and `npm run seed`.
 */
import { prepareDatabase } from './prepareDatabase'
import { runCommand } from './runCommand'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: tsx src/dev/withDatabase.ts <command> [args...]')
  process.exit(2)
}

const database = await prepareDatabase()
// The embedded database is the demo shop: seed it when empty, so a build's static pages show the
// catalog. With DATABASE_URL set, your data is used as it is.
if (database.embedded)
  await runCommand('npx', ['tsx', 'src/seed/run.ts', 'if-empty'], {
    ...process.env,
    NODE_ENV: 'development',
  })
let exitCode = 0
try {
  await runCommand('npx', [command, ...args])
} catch (error) {
  console.error((error as Error).message)
  exitCode = 1
} finally {
  await database.stop()
}
process.exit(exitCode)
