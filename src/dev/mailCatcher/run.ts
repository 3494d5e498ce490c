/**
 * Runs the mail catcher on its own: `npx tsx src/dev/mailCatcher/run.ts`.
 * Port from MAIL_CATCHER_PORT (default 12112). Stops on Ctrl-C.
 */
import { createMailCatcher } from './createMailCatcher'

const DEFAULT_PORT = 12112

const port = Number(process.env.MAIL_CATCHER_PORT || DEFAULT_PORT)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `MAIL_CATCHER_PORT must be a port number (0-65535), got "${process.env.MAIL_CATCHER_PORT}".`,
  )
  process.exit(1)
}

const catcher = await createMailCatcher({
  port,
  log: (line) => console.log(`[mail] ${line}`),
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error
  console.error(
    `Port ${port} is in use (another mail catcher?). Stop it, or set MAIL_CATCHER_PORT to a free port.`,
  )
  process.exit(1)
})

console.log(`Mail catcher listening.
  Point the resend SDK at it:  RESEND_BASE_URL=${catcher.url}  (any RESEND_API_KEY starting with re_)
  Verified sender domains:     ${catcher.verifiedDomains.join(', ')}  (MAIL_CATCHER_VERIFIED_DOMAINS)
  Inbox:                       ${catcher.url}/`)

async function stop(): Promise<void> {
  await catcher.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
