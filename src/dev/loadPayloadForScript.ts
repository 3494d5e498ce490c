import type { Payload } from 'payload'

import { withApplicationName } from './databaseApplicationName'
import { embeddedDatabaseUrl } from '../devDefaults'
import { resolveLexicalBuildsDirectly } from './lexicalBuilds'
import { startWatchdog, type Watchdog } from './watchdog'

export type PayloadScriptOptions = {
  /** Shown as application_name in pg_stat_activity: "storefront-migrate". */
  name: string
  /** For the watchdog: "Migrating the database". */
  what: string
  /** For the watchdog: what the user can do if it is slow. */
  advice: string
}

/**
 * Loads Payload for a script (migrate, seed) under a watchdog, avoiding what made such scripts
 * stall: lexical's top-level-await wrappers are bypassed (see lexicalBuilds.ts), and Payload does
 * not spawn its background `payload generate:types` (a second process loading the same config
 * through tsx on every script run, left running after the script exits, racing other runs to
 * rewrite src/payload-types.ts; `npm run generate:types` does that on purpose).
 */
export async function loadPayloadForScript({
  name,
  what,
  advice,
}: PayloadScriptOptions): Promise<{ payload: Payload; watchdog: Watchdog }> {
  // The URL env.ts falls back to, named so the database shows who we are. Set before anything
  // imports env.ts, which reads it once.
  const databaseUrl = withApplicationName(
    process.env.DATABASE_URL ||
      embeddedDatabaseUrl(Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)),
    name,
  )
  process.env.DATABASE_URL = databaseUrl
  const watchdog = startWatchdog({ what, advice, databaseUrl })
  resolveLexicalBuildsDirectly()

  // Imported only now: the hook above must be in place before lexical is resolved.
  watchdog.step('loading payload.config.ts and the modules it imports')
  const { default: configPromise } = await import('@payload-config')
  watchdog.step('loading payload')
  const { defaultLoggerOptions: prettyOutput, getPayload } = await import('payload')
  const config = await configPromise
  config.typescript.autoGenerate = false
  // Payload's usual pretty output, with each line also kept for the watchdog's evidence.
  config.logger = {
    // Payload fills in the name and `enabled`; pino's option type marks every field required.
    options: {} as Extract<NonNullable<typeof config.logger>, { options: unknown }>['options'],
    destination: {
      write(line: string) {
        watchdog.remember(line)
        const { name: _name, ...entry } = JSON.parse(line) as Record<string, unknown>
        prettyOutput.write(`${JSON.stringify(entry)}\n`)
      },
    },
  }

  watchdog.step('starting Payload and connecting to the database (getPayload)')
  const payload = await getPayload({ config })
  return { payload, watchdog }
}

/**
 * Ends a Payload script. Exiting is deliberate: payload.destroy() leaves the connection pool open
 * (the adapter keeps one client checked out for reconnects, so `pool.end()` would wait forever),
 * and an open pool keeps Node running after the work is done.
 */
export function finishScript(watchdog: Watchdog, code: number): never {
  watchdog.stop()
  process.exit(code)
}
