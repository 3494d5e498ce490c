import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** Starts a command in its own process group, so that it and all its children can be stopped. */
export function startGroup(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; log?: string } = {},
): ChildProcess {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const prefix = options.log ? `[${options.log}] ` : ''
  const forward = (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(prefix + chunk.toString())
  }
  child.stdout?.on('data', forward)
  child.stderr?.on('data', forward)
  return child
}

/** Stops a group started by startGroup: SIGTERM, then SIGKILL if it lingers. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const stopped = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])
  if (!stopped) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/** Polls `url` until it answers (any status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(url)
      await response.body?.cancel() // the answer is enough; the body may be a 1 GiB file
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
    await sleep(500)
  }
}

/** The process listening on a TCP port of this machine (from /proc: no tools needed). */
export async function pidListeningOn(port: number): Promise<number> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await fs.readFile(table, 'utf8').catch(() => '')).split('\n').slice(1)
    for (const line of lines) {
      const columns = line.trim().split(/\s+/)
      // local_address is column 1 (addr:port), st is column 3 (0A = LISTEN), inode is column 9
      if (columns[1]?.endsWith(`:${hexPort}`) && columns[3] === '0A') inodes.add(columns[9])
    }
  }
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [])
    for (const fd of fds) {
      const target = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
      if (inode && inodes.has(inode)) return Number(pid)
    }
  }
  throw new Error(`No process listens on port ${port}.`)
}

/** Resident memory of a process in bytes. */
export async function rssOf(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8')
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
  return Number(kib) * 1024
}

/** How many of a process's open files are `file`. */
export async function handlesOn(pid: number, file: string): Promise<number> {
  let count = 0
  for (const fd of await fs.readdir(`/proc/${pid}/fd`)) {
    if ((await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === file) count += 1
  }
  return count
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}
