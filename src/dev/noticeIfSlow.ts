import { WARN_AFTER_MS } from './watchdog'

export type SlowNotice = {
  /** What is being waited for, as a phrase: "starting embedded PostgreSQL". */
  what: string
  /** What the user can do, shown with the notice. */
  advice: string
  /** Extra state to show at that moment (e.g. the last lines a server logged). */
  details?: () => string
  afterMs?: number
  log?: (message: string) => void
}

/**
 * Resolves as `work` does; if that takes longer than `afterMs`, says once what is still being
 * waited for and what to do, so no start-up wait is silent for more than 30 s.
 */
export async function noticeIfSlow<T>(
  work: Promise<T>,
  { what, advice, details, afterMs = WARN_AFTER_MS, log = console.error }: SlowNotice,
): Promise<T> {
  const startedAt = Date.now()
  const timer = setTimeout(() => {
    const extra = details?.().trimEnd() ?? ''
    log(
      `Still ${what} after ${Math.round((Date.now() - startedAt) / 1000)} s. ${advice}` +
        (extra.trim() ? `\n${extra}` : ''),
    )
  }, afterMs)
  try {
    return await work
  } finally {
    clearTimeout(timer)
  }
}
