import type { ChildProcess } from 'node:child_process'

import { noticeIfSlow } from './noticeIfSlow'

/**
 * Ties this launcher's life to `child` (next dev / next start): when either ends, the child is
 * stopped and the stand-ins (`cleanups`: database, emulator, mail catcher) are shut down once.
 * A second Ctrl-C quits at once.
 */
export function superviseChild(child: ChildProcess, cleanups: Array<() => Promise<void>>): void {
  let stopping = false
  async function shutdown(code: number): Promise<never> {
    if (!stopping) {
      stopping = true
      child.kill('SIGTERM')
      await noticeIfSlow(Promise.allSettled(cleanups.map((cleanup) => cleanup())), {
        what: 'stopping PostgreSQL and the stand-ins',
        advice:
          'Press Ctrl-C again to quit now; an embedded PostgreSQL left running is stopped by the next start.',
        afterMs: 10_000,
      })
    }
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))
  child.on('exit', (code) => void shutdown(code ?? 0))
}
