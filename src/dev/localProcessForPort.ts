import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

export type LocalProcess = { pid: number; command: string }

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The local process whose TCP socket is bound to `port` on this machine (Linux /proc; undefined
 * elsewhere or when not found). pg_stat_activity knows a session's client port, not its process:
 * this turns "a lock held by backend 4242" into "held by pid 1234, next-server", which the user
 * can stop.
 */
export function localProcessForPort(port: number): LocalProcess | undefined {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/)
      if (columns.length > 9 && parseInt(columns[1].split(':')[1], 16) === port) {
        inodes.add(columns[9])
      }
    }
  }
  if (inodes.size === 0) return undefined
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue // gone, or not ours to read
    }
    for (const fd of fds) {
      let target: string
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`)
      } catch {
        continue
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
      if (inode && inodes.has(inode)) {
        const command = (read(`/proc/${entry}/cmdline`) ?? '').split('\0').join(' ').trim()
        return { pid: Number(entry), command }
      }
    }
  }
  return undefined
}
