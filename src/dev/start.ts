/**
 * `npm run dev`: the whole shop on this machine with one command.
 * Starts embedded PostgreSQL (unless DATABASE_URL is set), the Stripe emulator (unless
 * STRIPE_SECRET_KEY is set) and the mail catcher (unless RESEND_API_KEY is set), applies
 * migrations, seeds demo data into an empty database, then runs `next dev`.
 */
import { spawn } from 'node:child_process'

import { withApplicationName } from './databaseApplicationName'
import { prepareDatabase } from './prepareDatabase'
import { localBin } from './runCommand'
import { startStandIns } from './startStandIns'
import { superviseChild } from './superviseChild'

const standIns = await startStandIns(process.env)
Object.assign(process.env, standIns.env)
const database = await prepareDatabase({ seed: 'if-empty' }).catch(async (error: Error) => {
  console.error(error.message)
  await standIns.stop()
  process.exit(1)
})

const next = spawn(localBin('next'), ['dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: withApplicationName(database.url, 'storefront-next-dev') },
})

superviseChild(next, [standIns.stop, database.stop])
