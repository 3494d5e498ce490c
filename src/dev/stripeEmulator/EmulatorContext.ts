import type { BackgroundTasks } from './createBackgroundTasks'
import type { EmulatorState } from './createEmulatorState'
import type { PublishEvent } from './createEventPublisher'
import type { WebhookDeliverer } from './createWebhookDeliverer'
import type { ResolvedEmulatorOptions } from './resolveEmulatorOptions'

/** What request handlers and payment flows share: the account's state and the ways to act on it. */
export type EmulatorContext = {
  state: EmulatorState
  options: ResolvedEmulatorOptions
  tasks: BackgroundTasks
  deliverer: WebhookDeliverer
  publishEvent: PublishEvent
}

/** Back to a fresh account with the configured prices; pending retries and transfers are dropped, not run. */
export function resetEmulator(context: EmulatorContext): void {
  context.tasks.cancelScheduled()
  context.deliverer.abortInFlight()
  context.deliverer.setEnabled(true)
  context.state.reset()
}
