/**
 * `npm run start:offline` (and the browser tests): the production build (`next start`) wired
 * explicitly, through env, to offline stand-ins: a fresh seeded embedded-PostgreSQL database,
 * the Stripe emulator and the mail catcher. Run `npm run build` first.
 */
import { existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import { withApplicationName } from './databaseApplicationName'
import { prepareDatabase } from './prepareDatabase'
import { localBin } from './runCommand'
import { startStandIns } from './startStandIns'
import { superviseChild } from './superviseChild'

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build found: run `npm run build` first.')
  process.exit(1)
}

const port = process.env.PORT || '3100'
const serverUrl = `http://localhost:${port}`
process.env.NEXT_PUBLIC_SERVER_URL = serverUrl
process.env.EMBEDDED_POSTGRES_PORT ||= '54331'
process.env.STRIPE_EMULATOR_PORT ||= '12121'
process.env.MAIL_CATCHER_PORT ||= '12122'

const standIns = await startStandIns(process.env)
Object.assign(process.env, standIns.env)
// A new database per start: every run begins from the same seeded shop.
const database = await prepareDatabase({
  dataDir: '.data/postgres-offline',
  database: `shop_${Date.now()}`,
  seed: 'always',
})

const next = spawn(localBin('next'), ['start', '-p', port], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: withApplicationName(database.url, 'storefront-next-start'),
    NODE_ENV: 'production',
    // Explicit, throwaway values: production refuses to start on development defaults.
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || randomBytes(32).toString('hex'),
    EMAIL_FROM: process.env.EMAIL_FROM || 'Payload Storefront <shop@example.com>',
  },
})

superviseChild(next, [standIns.stop, database.stop])
