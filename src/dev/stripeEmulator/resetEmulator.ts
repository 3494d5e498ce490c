import type { EmulatorContext } from './EmulatorContext'

/** Back to a fresh account with the configured prices; pending retries and transfers are dropped, not run. */
export function resetEmulator(context: EmulatorContext): void {
  context.tasks.cancelScheduled()
  context.deliverer.abortInFlight()
  context.state.reset()
}
