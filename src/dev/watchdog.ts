import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describeDatabaseActivity } from './describeDatabaseActivity'

/** The first word comes within 30 s: every wait tells the user what is going on by then. */
export const WARN_AFTER_MS = 25_000
export const GIVE_UP_AFTER_MS = 120_000

export type WatchdogOptions = {
  /** What the script is doing, as a sentence subject: "Migrating the database". */
  what: string
  /** What the user can do when it is slow, shown with the warning. */
  advice: string
  /** The database the script talks to: its sessions and lock waits go into the evidence. */
  databaseUrl?: string
  warnAfterMs?: number
  giveUpAfterMs?: number
  /** Where each stall leaves its evidence (git-ignored). */
  evidenceDir?: string
}

export type Watchdog = {
  /** Names the step now running; the warning says which one was slow. */
  step: (description: string) => void
  /** Keeps a log line (the last ones go into the evidence). */
  remember: (line: string) => void
  /** The work finished: no warning, and the event loop may empty again. */
  stop: () => void
}

const KEPT_LINES = 200

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

/**
 * Watches a script that loads Payload. Its timers also hold the event loop open, so an await that
 * never settles becomes a reported stall instead of Node quitting mid-await (exit 13, or a silent
 * exit 0 under the payload bin). After `warnAfterMs` it says which step is slow, what the database
 * is doing, and what to do, and saves the evidence: a Node diagnostic report (JS and native stacks,
 * active handles, worker threads), the last log lines, and the database's sessions and lock waits.
 * After `giveUpAfterMs` it ends the process with exit code 1.
 */
export function startWatchdog({
  what,
  advice,
  databaseUrl,
  warnAfterMs = WARN_AFTER_MS,
  giveUpAfterMs = GIVE_UP_AFTER_MS,
  evidenceDir = '.data/diagnostics',
}: WatchdogOptions): Watchdog {
  const startedAt = Date.now()
  const steps: Array<{ at: number; description: string }> = []
  const lines: string[] = []
  let evidence: string | undefined

  const timeline = () =>
    steps.map(({ at, description }) => `+${seconds(at - startedAt)} ${description}`).join('\n')

  async function warn(): Promise<void> {
    const current = steps.at(-1)
    const slug = what.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    evidence = path.resolve(evidenceDir, `${slug}-${stamp}-pid${process.pid}`)
    mkdirSync(evidence, { recursive: true })
    process.report.writeReport(path.join(evidence, 'node-report.json'))
    writeFileSync(
      path.join(evidence, 'log.txt'),
      `steps:\n${timeline()}\n\nlast log lines:\n${lines.join('\n')}\n`,
    )
    const database = databaseUrl
      ? await describeDatabaseActivity(databaseUrl)
      : { summary: 'no database URL given', details: '' }
    writeFileSync(
      path.join(evidence, 'database.txt'),
      `${database.summary}\n\n${database.details}\n`,
    )
    console.error(
      [
        `[watchdog] ${what}: still not done after ${seconds(Date.now() - startedAt)}.`,
        `[watchdog] Waiting in: ${current ? `${current.description} (for ${seconds(Date.now() - current.at)})` : 'start-up'}.`,
        `[watchdog] Database: ${database.summary}`,
        `[watchdog] ${advice}`,
        `[watchdog] Evidence (Node report with stacks and handles, last log lines, database sessions): ${path.relative(process.cwd(), evidence)}`,
        `[watchdog] Giving up at ${seconds(giveUpAfterMs)}.`,
      ].join('\n'),
    )
  }

  const warnTimer = setTimeout(() => {
    warn().catch((error: unknown) =>
      console.error(`[watchdog] ${what}: still not done; collecting evidence failed: ${error}`),
    )
  }, warnAfterMs)
  const giveUpTimer = setTimeout(() => {
    console.error(
      `[watchdog] ${what} did not finish within ${seconds(giveUpAfterMs)}; giving up.` +
        (evidence ? ` Evidence: ${path.relative(process.cwd(), evidence)}` : ''),
    )
    process.exit(1)
  }, giveUpAfterMs)

  return {
    step: (description) => void steps.push({ at: Date.now(), description }),
    remember: (line) => {
      lines.push(line.trimEnd())
      if (lines.length > KEPT_LINES) lines.shift()
    },
    stop: () => {
      clearTimeout(warnTimer)
      clearTimeout(giveUpTimer)
    },
  }
}
