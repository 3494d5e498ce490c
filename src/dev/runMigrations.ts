/**
 * `npm run migrate` (tsx src/dev/runMigrations.ts): applies the committed migrations, exactly what
 * `payload migrate` does (the adapter's migrate()), and fails loudly if none are recorded after.
 * Used instead of the payload bin, which could exit 0 having done nothing: the lexical stall
 * described in lexicalBuilds.ts, under a bin with no timer holding the event loop.
 */
import { applyMigrations, MIGRATE_ADVICE } from './applyMigrations'
import { finishScript, loadPayloadForScript } from './loadPayloadForScript'

process.env.PAYLOAD_MIGRATING = 'true'

const { payload, watchdog } = await loadPayloadForScript({
  name: 'storefront-migrate',
  what: 'Migrating the database',
  advice: MIGRATE_ADVICE,
})
try {
  await applyMigrations(payload, watchdog)
} catch (error) {
  console.error((error as Error).message)
  finishScript(watchdog, 1)
}
finishScript(watchdog, 0)
