/**
 * `npm run dev`: the whole shop on this machine with one command.
 * Starts embedded PostgreSQL (unless DATABASE_URL is set), the Stripe emulator (unless
 * STRIPE_SECRET_KEY is set) and the mail catcher (unless RESEND_API_KEY is set), applies
 * migrations, seeds demo data into an empty database, then runs `next dev`.
 */
import { spawn } from 'node:child_process'

import { prepareDatabase } from './prepareDatabase'
import { runCommand } from './runCommand'
import { startStandIns } from './startStandIns'
import { superviseChild } from './superviseChild'

const standIns = await startStandIns(process.env)
Object.assign(process.env, standIns.env)
const database = await prepareDatabase()
await runCommand('npx', ['tsx', 'src/seed/run.ts', 'if-empty'])

const next = spawn('npx', ['next', 'dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
})

superviseChild(next, [standIns.stop, database.stop])
