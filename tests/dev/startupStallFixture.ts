/**
 * Run by startupWatchdog.test.ts: a script that stalls under the watchdog, either on a lock
 * (`lock`: reads a table another session holds) or on an await that never settles (`never`),
 * the shape of the lexical stall. Limits come from the environment so the test takes seconds.
 */
import pg from 'pg'

import { startWatchdog } from '../../src/dev/watchdog'

const mode = process.argv[2]
const databaseUrl = process.env.DATABASE_URL!
const watchdog = startWatchdog({
  what: 'Stalling on purpose',
  advice: 'Stop whatever holds the lock.',
  databaseUrl,
  warnAfterMs: Number(process.env.WARN_AFTER_MS),
  giveUpAfterMs: Number(process.env.GIVE_UP_AFTER_MS),
  evidenceDir: process.env.EVIDENCE_DIR,
})
watchdog.remember('{"level":30,"msg":"the last thing Payload said"}')

if (mode === 'lock') {
  watchdog.step('reading the locked table')
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'stall-fixture' })
  await client.connect()
  await client.query('select * from startup_locked')
} else {
  watchdog.step('awaiting a promise nothing will settle')
  await new Promise(() => {})
}
watchdog.stop()
