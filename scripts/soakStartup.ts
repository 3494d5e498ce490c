/**
 * `npm run soak:startup [-- --cycles=30 --build-every=10 --migrations=100 --fresh]` (not in CI).
 *
 * Start-up, over and over, the way a user does it: `npm run dev` → wait until http://localhost:3000/
 * serves the catalog → Ctrl-C (SIGINT to the whole process group, as a terminal sends it) → check
 * that everything stopped and freed its ports. `npm run build` every few cycles, since a build
 * shares the embedded database with dev. Then `npm run migrate` many times against the embedded
 * database. Prints hangs, failures and the time-to-ready distribution; exits 1 unless both are 0.
 * `--fresh` first deletes .next and .data/postgres, as in a fresh clone.
 * Logs: .data/soak/<timestamp>/.
 */
import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { startEmbeddedPostgres } from '../src/dev/embeddedPostgres'
import { isPortInUse } from '../src/dev/isPortInUse'

const DEV_PORTS = [3000, 54329, 12111, 12112]
const CATALOG = ['Workflow Templates', 'Discovery Toolkit']

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
  return raw === undefined ? fallback : Number(raw)
}
const cycles = option('cycles', 30)
const buildEvery = option('build-every', 10)
const migrations = option('migrations', 100)
const readyTimeoutMs = option('ready-timeout', 180) * 1000
const migrateTimeoutMs = option('migrate-timeout', 180) * 1000
const buildTimeoutMs = option('build-timeout', 1200) * 1000
const stopTimeoutMs = 30_000

const logDir = path.resolve('.data/soak', new Date().toISOString().replace(/[:.]/g, '-'))
mkdirSync(logDir, { recursive: true })

type Problem = { kind: 'hang' | 'failure'; what: string; detail: string }
const problems: Problem[] = []
const readyTimes: number[] = []
const stopTimes: number[] = []
const migrateTimes: number[] = []
const buildTimes: number[] = []
let watchdogWarnings = 0

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const load = () => loadavg()[0].toFixed(1)

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function distribution(values: number[]): string {
  if (values.length === 0) return 'no samples'
  return `p50 ${seconds(percentile(values, 50))}, p95 ${seconds(percentile(values, 95))}, max ${seconds(Math.max(...values))}`
}

function record(problem: Problem): void {
  problems.push(problem)
  console.log(`  ${problem.kind.toUpperCase()}: ${problem.what}: ${problem.detail}`)
}

/** Pids in process group `group` (Linux /proc). */
function groupMembers(group: number): number[] {
  const members: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the parenthesised command: state ppid pgrp ...
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(pgrp) === group && state !== 'Z') members.push(Number(entry))
    } catch {
      // exited while we looked
    }
  }
  return members
}

function describePids(pids: number[]): string {
  return pids
    .map((pid) => {
      try {
        return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 80)}`
      } catch {
        return String(pid)
      }
    })
    .join('; ')
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

function countWatchdogWarnings(file: string): number {
  try {
    return (readFileSync(file, 'utf8').match(/\[watchdog\] .*still not done/g) ?? []).length
  } catch {
    return 0
  }
}

/** Runs an npm script in its own process group with output to a log; kills the group on timeout. */
async function runScript({
  args,
  log,
  timeoutMs,
}: {
  args: string[]
  log: string
  timeoutMs: number
}): Promise<{ code: number | null; ms: number; timedOut: boolean }> {
  const out = openSync(log, 'w')
  const startedAt = Date.now()
  const child = spawn('npm', args, { detached: true, stdio: ['ignore', out, out] })
  closeSync(out)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    process.kill(-child.pid!, 'SIGKILL')
  }, timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  return { code, ms: Date.now() - startedAt, timedOut }
}

async function busyPorts(): Promise<number[]> {
  const busy: number[] = []
  for (const port of DEV_PORTS) if (await isPortInUse(port)) busy.push(port)
  return busy
}

async function catalogServed(): Promise<boolean> {
  try {
    const response = await fetch('http://localhost:3000/', { signal: AbortSignal.timeout(60_000) })
    if (response.status !== 200) return false
    const html = await response.text()
    return CATALOG.every((name) => html.includes(name))
  } catch {
    return false
  }
}

async function build(label: string): Promise<void> {
  const log = path.join(logDir, `build-${label.replace(/\W+/g, '-')}.log`)
  const { code, ms, timedOut } = await runScript({
    args: ['run', 'build'],
    log,
    timeoutMs: buildTimeoutMs,
  })
  watchdogWarnings += countWatchdogWarnings(log)
  if (timedOut)
    record({ kind: 'hang', what: `build ${label}`, detail: `no end after ${seconds(ms)}; ${log}` })
  else if (code !== 0)
    record({
      kind: 'failure',
      what: `build ${label}`,
      detail: `exit ${code}; ${log}\n${tail(log)}`,
    })
  else buildTimes.push(ms)
  console.log(`build ${label}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds(ms)} (load ${load()})`)
}

async function devCycle(cycle: number): Promise<void> {
  const what = `dev cycle ${cycle}`
  const busy = await busyPorts()
  if (busy.length > 0) {
    record({ kind: 'failure', what, detail: `ports ${busy.join(', ')} busy before start` })
    return
  }
  const log = path.join(logDir, `dev-${cycle}.log`)
  const out = openSync(log, 'w')
  const startedAt = Date.now()
  const dev = spawn('npm', ['run', 'dev'], { detached: true, stdio: ['ignore', out, out] })
  closeSync(out)
  let exited: number | null | undefined
  dev.once('exit', (code) => (exited = code))

  let readyMs: number | undefined
  while (Date.now() - startedAt < readyTimeoutMs && exited === undefined) {
    if (await catalogServed()) {
      readyMs = Date.now() - startedAt
      break
    }
    await sleep(250)
  }
  if (readyMs !== undefined) readyTimes.push(readyMs)
  else if (exited !== undefined) {
    record({
      kind: 'failure',
      what,
      detail: `npm run dev exited ${exited} before serving /; ${log}\n${tail(log)}`,
    })
  } else {
    record({
      kind: 'hang',
      what,
      detail: `/ not serving the catalog after ${seconds(readyTimeoutMs)}; ${log}\n${tail(log)}`,
    })
  }

  // Ctrl-C, as a terminal sends it: SIGINT to the whole foreground process group.
  const stopAt = Date.now()
  if (exited === undefined) process.kill(-dev.pid!, 'SIGINT')
  while (Date.now() - stopAt < stopTimeoutMs) {
    if (
      exited !== undefined &&
      groupMembers(dev.pid!).length === 0 &&
      (await busyPorts()).length === 0
    )
      break
    await sleep(100)
  }
  const leftovers = groupMembers(dev.pid!)
  const stillBusy = await busyPorts()
  if (exited === undefined || leftovers.length > 0 || stillBusy.length > 0) {
    record({
      kind: 'failure',
      what,
      detail:
        `not stopped ${seconds(stopTimeoutMs)} after Ctrl-C` +
        (leftovers.length ? `; still running: ${describePids(leftovers)}` : '') +
        (stillBusy.length ? `; ports still busy: ${stillBusy.join(', ')}` : ''),
    })
    if (leftovers.length) process.kill(-dev.pid!, 'SIGKILL')
    await sleep(1000)
  } else {
    stopTimes.push(Date.now() - stopAt)
  }
  const warnings = countWatchdogWarnings(log)
  watchdogWarnings += warnings
  console.log(
    `dev cycle ${cycle}: ${readyMs !== undefined ? `ready in ${seconds(readyMs)}` : 'NOT READY'}` +
      `, stopped in ${seconds(Date.now() - stopAt)} (load ${load()})` +
      (warnings ? `, ${warnings} watchdog warning(s)` : ''),
  )
}

async function migrateRuns(): Promise<void> {
  const postgres = await startEmbeddedPostgres({
    dataDir: '.data/postgres',
    port: 54329,
    log: (line) => console.log(`[db] ${line}`),
  })
  try {
    await postgres.createDatabase('storefront')
    for (let run = 1; run <= migrations; run++) {
      const log = path.join(logDir, `migrate-${run}.log`)
      const { code, ms, timedOut } = await runScript({
        args: ['run', 'migrate'],
        log,
        timeoutMs: migrateTimeoutMs,
      })
      watchdogWarnings += countWatchdogWarnings(log)
      if (timedOut)
        record({
          kind: 'hang',
          what: `migrate ${run}`,
          detail: `killed after ${seconds(ms)}; ${log}\n${tail(log)}`,
        })
      else if (code !== 0)
        record({
          kind: 'failure',
          what: `migrate ${run}`,
          detail: `exit ${code}; ${log}\n${tail(log)}`,
        })
      else {
        migrateTimes.push(ms)
        rmSync(log)
      }
      if (run % 10 === 0 || code !== 0) {
        console.log(
          `migrate ${run}/${migrations}: last ${seconds(ms)}, ${distribution(migrateTimes)} (load ${load()})`,
        )
      }
    }
  } finally {
    await postgres.stop()
  }
}

const busy = await busyPorts()
if (busy.length > 0) {
  console.error(
    `Ports ${busy.join(', ')} are in use: stop whatever runs there (npm run dev?) first.`,
  )
  process.exit(2)
}
if (process.argv.includes('--fresh')) {
  for (const dir of ['.next', '.data/postgres']) rmSync(dir, { recursive: true, force: true })
  console.log('Fresh start: removed .next and .data/postgres.')
}
const startedAt = Date.now()
const header =
  `Start-up soak: ${cycles} dev cycles (build every ${buildEvery}), ${migrations} migrate runs; ` +
  `Node ${process.version}, ${cpus().length} cores, load ${load()} at start; logs in ${path.relative(process.cwd(), logDir)}`
console.log(header)

for (let cycle = 1; cycle <= cycles; cycle++) {
  if (buildEvery > 0 && (cycle - 1) % buildEvery === 0) await build(`before cycle ${cycle}`)
  await devCycle(cycle)
}
if (migrations > 0) await migrateRuns()

const hangs = problems.filter((problem) => problem.kind === 'hang')
const failures = problems.filter((problem) => problem.kind === 'failure')
const summary = [
  '',
  `Start-up soak result (${new Date().toISOString().slice(0, 16)}Z, ${seconds(Date.now() - startedAt)} in all, Node ${process.version}, ${cpus().length} cores, load ${load()} at end)`,
  `  npm run dev:     ${cycles} cycles, ${readyTimes.length} served the catalog; ready in ${distribution(readyTimes)}; Ctrl-C to all stopped: ${distribution(stopTimes)}`,
  `  npm run build:   ${buildTimes.length} ok of ${buildEvery > 0 ? Math.ceil(cycles / buildEvery) : 0}; ${distribution(buildTimes)}`,
  `  npm run migrate: ${migrateTimes.length} ok of ${migrations}; ${distribution(migrateTimes)}`,
  `  watchdog warnings: ${watchdogWarnings}`,
  `  hangs: ${hangs.length}, failures: ${failures.length}`,
  ...problems.map(
    (problem) => `    - ${problem.kind} in ${problem.what}: ${problem.detail.split('\n')[0]}`,
  ),
]
console.log(summary.join('\n'))
if (existsSync(logDir)) console.log(`Logs: ${path.relative(process.cwd(), logDir)}`)
process.exit(problems.length === 0 ? 0 : 1)
