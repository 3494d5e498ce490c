export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>

/**
 * Counts work that outlives the request that started it (webhook deliveries, scheduled retries,
 * bank transfers settling later), so tests can wait for "nothing left to happen" instead of sleeping,
 * and close/reset can cancel what has not started yet.
 */
export function createBackgroundTasks(onError: (error: unknown) => void) {
  let pending = 0
  let waiters: Array<() => void> = []
  const timers = new Set<NodeJS.Timeout>()

  function finish(): void {
    pending -= 1
    if (pending > 0) return
    const resolved = waiters
    waiters = []
    for (const resolve of resolved) resolve()
  }

  function run(work: () => unknown): void {
    pending += 1
    // Work started from here may schedule more work before finishing, so `pending` never dips to 0 between them.
    Promise.resolve().then(work).catch(onError).finally(finish)
  }

  return {
    run,

    later(delayMs: number, work: () => unknown): void {
      pending += 1
      const timer = setTimeout(() => {
        timers.delete(timer)
        run(work)
        finish()
      }, delayMs)
      timers.add(timer)
    },

    idle(): Promise<void> {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))
    },

    /** Drops scheduled work; running work is stopped by its owner (the deliverer aborts its requests). */
    cancelScheduled(): void {
      for (const timer of timers) {
        clearTimeout(timer)
        finish()
      }
      timers.clear()
    },
  }
}
